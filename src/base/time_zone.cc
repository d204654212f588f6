#include "base/time_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>
#include <unicode/unistr.h>

#include <mutex>

namespace fr {

struct TimeZone::Impl {
  std::string name;
  std::unique_ptr<icu::BasicTimeZone> zone;
  // ICU zones compute their transition rules lazily, and that is not safe under concurrent
  // readers (seen as use-after-free in other projects); one lock per zone keeps it simple.
  mutable std::mutex mu;
};

namespace {

// ICU's error codes below can only report invalid arguments, which the REQUIRES of the public
// functions exclude; the offsets stay 0 in that case rather than inventing an error path.
int OffsetAtMillis(const icu::BasicTimeZone& zone, UnixMillis t) {
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode err = U_ZERO_ERROR;
  zone.getOffset(static_cast<UDate>(t), false, raw, dst, err);
  return raw + dst;
}

}  // namespace

TimeZone::TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<TimeZone> TimeZone::Find(std::string_view name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
  // ICU never fails here: an id it does not know yields a copy of its "Etc/Unknown" zone.
  icu::UnicodeString id;
  zone->getID(id);
  icu::UnicodeString unknown_id;
  icu::TimeZone::getUnknown().getID(unknown_id);
  auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
  if (id == unknown_id || basic == nullptr) {
    return Status(Errc::kInvalidArgument, "unknown_time_zone",
                  "unknown time zone \"" + std::string(name) + "\"");
  }
  zone.release();
  auto impl = std::make_shared<Impl>();
  impl->name = std::string(name);
  impl->zone.reset(basic);
  return TimeZone(std::move(impl));
}

TimeZone TimeZone::Utc() {
  // One shared instance: "UTC" is always in ICU's data.
  static const TimeZone* const utc = new TimeZone(std::move(Find("UTC")).value());
  return *utc;
}

const std::string& TimeZone::name() const { return impl_->name; }

LocalTime TimeZone::ToLocal(UnixMillis t) const {
  int offset = 0;
  {
    std::lock_guard lock(impl_->mu);
    offset = OffsetAtMillis(*impl_->zone, t);
  }
  const UnixMillis local = t + offset;
  std::int64_t days = local / kMillisPerDay;
  std::int64_t millis_of_day = local % kMillisPerDay;
  if (millis_of_day < 0) {
    millis_of_day += kMillisPerDay;
    --days;
  }
  LocalTime out;
  out.date = CivilDateFromDays(days);
  out.weekday = WeekdayOf(out.date);
  out.minute_of_day = static_cast<int>(millis_of_day / kMillisPerMinute);
  out.utc_offset_minutes = static_cast<int>(offset / kMillisPerMinute);
  return out;
}

UnixMillis TimeZone::ToUtc(const CivilDate& date, int minute_of_day) const {
  const UnixMillis local = UtcMillisOf(date, minute_of_day);
  std::lock_guard lock(impl_->mu);
  const icu::BasicTimeZone& zone = *impl_->zone;
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode err = U_ZERO_ERROR;
  // kFormer for both cases: a repeated time takes the offset before the switch (its first
  // occurrence); a skipped time also takes the earlier offset, which lands it just after the
  // switch, from where the switch instant itself is found below.
  zone.getOffsetFromLocal(static_cast<UDate>(local), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER,
                          raw, dst, err);
  const UnixMillis utc = local - (raw + dst);
  if (utc + OffsetAtMillis(zone, utc) == local) return utc;
  icu::TimeZoneTransition transition;
  if (zone.getPreviousTransition(static_cast<UDate>(utc), true, transition)) {
    return static_cast<UnixMillis>(transition.getTime());
  }
  return utc;
}

}  // namespace fr
