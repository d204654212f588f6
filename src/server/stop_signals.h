// Waiting for the signals that stop a long-running command (`feedroom serve`, `feedroom
// simulate`): SIGTERM and SIGINT are blocked in every thread and the main thread takes them
// with sigwait, so no signal handler ever runs in the middle of the server's work.
// Thread safety: call both from the main thread.
#pragma once

namespace fr::server {

// Blocks SIGTERM and SIGINT in the calling thread (and so in every thread it starts later)
// and ignores SIGPIPE (a peer that closes a socket early is an error code, not a crash).
// REQUIRES: called before any other thread is started.
void BlockStopSignals();

// Waits until SIGTERM or SIGINT arrives and returns its number.
// REQUIRES: BlockStopSignals was called.
int WaitForStopSignal();

}  // namespace fr::server
