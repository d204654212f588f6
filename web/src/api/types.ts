// The API's shapes as the web app uses them. Every type here is derived from the generated
// schema.gen.ts (openapi-typescript over schema/openapi.yaml), so a change to the API's
// contract that the app does not follow fails `tsc`.
import type { components, paths } from "./schema.gen";

type Schemas = components["schemas"];
type MetricGet = paths["/api/v1/metrics/{metric}"]["get"];

export type Platform = Schemas["Platform"];
export type Case = Schemas["Case"];
export type CaseStatus = Case["status"];
export type Priority = NonNullable<Case["priority"]>;
export type SlaReading = Schemas["SlaReading"];
export type SlaState = NonNullable<SlaReading["state"]>;
export type Message = Schemas["Message"];
export type Conversation = Schemas["Conversation"];
export type Customer = Schemas["Customer"];
export type Author = Schemas["Author"];
export type User = Schemas["User"];
export type Role = NonNullable<User["role"]>;
export type Team = Schemas["Team"];
export type Session = Schemas["Session"];
export type CaseEvent = Schemas["CaseEvent"];
export type Reply = Schemas["Reply"];
export type ReplyRoute = NonNullable<Reply["route"]>;
export type DraftReview = Schemas["DraftReview"];
export type Reason = Schemas["Reason"];
export type PresenceEntry = NonNullable<Schemas["PresenceList"]["items"]>[number];
export type ActivityEntry = NonNullable<Schemas["ActivityList"]["items"]>[number];
export type ApiErrorBody = Schemas["Error"];
export type ListeningRule = Schemas["ListeningRule"];
export type RuleAction = ListeningRule["action"];
export type ListeningRuleInput = Schemas["ListeningRuleInput"];
export type MessageInsight = Schemas["MessageInsight"];
export type LabelCorrection = Schemas["LabelCorrection"];
export type LabelTask = LabelCorrection["task"];

/** A case with what `GET /api/v1/cases/{id}` adds to it. */
export type CaseDetail = Case & {
  messages?: Message[];
  conversations?: Conversation[];
  customers?: Customer[];
};

export type CustomerSummary = Schemas["CustomerSummary"];
export type MessagePreview = Schemas["MessagePreview"];
/** One row of `GET /api/v1/cases`: the case plus its customer and their latest message. */
export type CaseListItem = Schemas["CaseListItem"];
/**
 * A row as the inbox holds it: one from a page has its summary; one a live event brought in
 * has `customer`/`preview` undefined until its summary is fetched.
 */
export type CaseRowData = Case & Partial<Pick<CaseListItem, "customer" | "preview">>;

export type CasePage = { items: CaseListItem[]; next_cursor: string | null };

/** A metric of `GET /api/v1/metrics/{metric}` ("summary" holds all the others). */
export type MetricName = MetricGet["parameters"]["path"]["metric"];
/** What the metrics are grouped by ("all": one group). */
export type MetricsGroupBy = NonNullable<MetricGet["parameters"]["query"]["group_by"]>;
export type MetricsHours = NonNullable<MetricGet["parameters"]["query"]["hours"]>;
/** One group's (and, with `interval`, one interval's) figures; a summary nests each metric's. */
export type MetricItem = MetricGet["responses"]["200"]["content"]["application/json"][number];
/** What one case contributes to the metrics: a row of the drill-down. */
export type CaseFacts = Schemas["CaseFacts"];
export type CaseFactsPage = paths["/api/v1/metrics/cases"]["get"]["responses"]["200"]["content"]["application/json"];

/** A crisis (`GET /api/v1/crisis`, `/api/v1/crises`): what it is about and what it does. */
export type Crisis = Schemas["Crisis"];
/** What a supervisor gives a crisis when starting or changing it. */
export type CrisisSpec = Schemas["CrisisSpec"];
export type CrisisRaiseTo = Crisis["raise_to"];
/** What a crisis came to (so far, while it runs). */
export type CrisisSummary = Schemas["CrisisSummary"];
export type CrisisWithSummary = Schemas["CrisisWithSummary"];

/** A spike of messages (`GET /api/v1/alerts`). */
export type SpikeAlert = Schemas["SpikeAlert"];
export type SpikeKind = SpikeAlert["kind"];
/** A spike with why it happened (`GET /api/v1/alerts/{id}`, `spike.*` events). */
export type SpikeDetail = Schemas["SpikeDetail"];
export type SpikeExplanation = SpikeDetail["explanation"];
export type SpikeTerm = SpikeExplanation["top_terms"][number];
export type SpikeSource = SpikeExplanation["sources"][number];
export type SpikeAuthor = SpikeExplanation["top_authors"][number];
export type SpikeSample = SpikeExplanation["samples"][number];

/** A brand account as `GET /api/v1/settings` lists it (to name a spike's series). */
export type ChannelAccount = Schemas["Settings"]["channels"][number];

/** A recurring complaint topic of a period (`GET /api/v1/topics`). */
export type Topic = Schemas["Topic"];
/** One day of a topic's trend: its complaints that local day. */
export type TopicDay = Topic["trend"][number];
/** A complaint that is an example of a topic. */
export type TopicExample = Topic["examples"][number];
/** What `POST /api/v1/topics/{id}/send` answers. */
export type TopicSent = paths["/api/v1/topics/{id}/send"]["post"]["responses"]["200"]["content"]["application/json"];
