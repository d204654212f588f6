// Echo matching: ties the brand's own messages coming back on the webhooks (Message::
// is_outbound) to the replies the outbox sent, inside the threader's write transaction.
//
//   * A sent reply is found by its platform id (the id Send returned is the id the echo
//     carries) and gets echo_message_id.
//   * A reply in doubt (kSending: mid-send, after a crash, or after an ambiguous answer) has
//     no platform id yet. It is found by (platform, account, target, text): the echo answers
//     the same post or comment (public) or goes to the same person (private), and says the
//     same words (EchoTextMatches). It is then marked kSent with the echo's id as its
//     platform id, so the outbox never sends it again. The oldest candidate wins.
//
// Meta sends a Facebook private reply through Messenger, so an echo on kMessenger is also
// looked for among kFacebook replies. Stateless and pure apart from the transaction.
#pragma once

#include <optional>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "domain/message.h"
#include "domain/reply.h"
#include "ports/store.h"

namespace fr::engine {

// Matches stored outbound message `echo` (id `message_id`, stored at `at`) to its reply and
// records it: echo_message_id, an "echo_matched" audit entry, and for a reply in doubt the
// kSent status with platform_id = echo.external_id. Returns the reply's id, or nullopt when
// the message is no echo of ours (inbound, or posted outside Feedroom) or was matched before.
// Errors: the store's (kUnavailable / kInternal).
// Records on the reply's case that `reply` (now sent) reached the customer: first response,
// latest agent reply (domain::NoteAgentReply).
Status NoteSent(ports::StoreTxn& txn, const domain::Reply& reply);

Result<std::optional<domain::ReplyId>> MatchEcho(ports::StoreTxn& txn, const domain::Message& echo,
                                                 domain::MessageId message_id, UnixMillis at);

// True if `echo_text` is how `platform` shows a reply written as `reply_text`. Whitespace runs
// count as one space and ends are trimmed; links match any link (X shortens them to t.co);
// on X the echo of a public reply may start with the "@handle " mentions X put in front.
bool EchoTextMatches(domain::Platform platform, std::string_view reply_text,
                     std::string_view echo_text);

}  // namespace fr::engine
