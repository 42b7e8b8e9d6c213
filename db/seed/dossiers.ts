import { createHash } from "node:crypto";
import type {
  decisions,
  dossierClockStops,
  dossierCodeCounters,
  dossierConsultations,
  dossierEvents,
  dossiers,
  dossierTransferLegs,
} from "@/db/schema";
import type { Channel, HandlingStep } from "@/lib/catalog/types";
import {
  addWorkingDaysToDate,
  localDate,
  workingDaysFor,
  type WorkingCalendar,
  type WorkingHours,
} from "@/lib/calendar/rules";
import {
  decide,
  draftState,
  formatDossierCode,
  type Command,
  type DossierState,
  type Step,
} from "@/lib/dossiers/rules";
import type { DossierAction, DossierStatus, Outcome } from "@/lib/dossiers/types";
import { hasRole, type Actor } from "@/lib/identity/types";
import { eventHash } from "@/lib/dossiers/chain";
import { searchable } from "@/lib/text/normalize";
import type { AgencyKey } from "./agencies";
import type { SeedPerson } from "./accounts";
import { answersFor } from "./answers";
import type { SeedProcedure } from "./procedures";
import type { Random } from "./random";
import { makeWorkTime, minutesPerDay, type WorkTime } from "./worktime";

/**
 * About 300 dossiers over the 12 months before `now`, each walked through the state machine: every
 * planned step is decided by the pure `decide()` of lib/dossiers/rules.ts, with the officer or
 * applicant who takes it and the seed's own clock, and the row, the event, the clock stops and the
 * deadlines are what it returns. A step the rules refuse stops the seed: demo data never holds a
 * history the rules forbid. Codes come from the same counters as the service's.
 */

export const seededStatuses = [
  "draft",
  "submitted",
  "supplement_requested",
  "received",
  "in_progress",
  "proposed",
  "done",
  "returned",
  "refused",
  "withdrawn",
  "stopped",
] as const satisfies readonly DossierStatus[];
type SeededStatus = (typeof seededStatuses)[number];

// Most dossiers are long finished; the open ones are what a queue holds on an ordinary day.
const statusWeights: Record<SeededStatus, number> = {
  returned: 58,
  done: 3,
  refused: 6,
  withdrawn: 5,
  stopped: 3,
  draft: 4,
  submitted: 4,
  supplement_requested: 3,
  received: 3,
  in_progress: 7,
  proposed: 4,
};
/** States in which a dossier waits inside its time limit: procedures with long limits are more often caught there. */
const waitingStatuses: readonly SeededStatus[] = [
  "received",
  "in_progress",
  "proposed",
  "supplement_requested",
];

// Popular procedures are filed more often; those with published results (decisions) often enough
// to fill the decisions registry.
const procedureWeights: Record<string, number> = {
  "1.001193": 14,
  "1.000894": 7,
  "1.000656": 5,
  "3.000333": 12,
  "2.000815": 9,
  "1.001612": 9,
  "1.013225": 11,
  "1.004222": 8,
  "1.004194": 9,
  "2.001610": 5,
  "2.001583": 8,
  "1.004873": 6,
};

/** Among the channels a procedure offers: about 75% of all dossiers end up online. */
const channelWeights: Record<Channel, number> = { online: 84, desk: 10, post: 6 };
const channelNumber: Record<Channel, 1 | 2 | 3> = { desk: 1, online: 2, post: 3 };
const channelKey: Record<1 | 2 | 3, Channel> = { 1: "desk", 2: "online", 3: "post" };

export type AgencyRef = { key: AgencyKey; id: string; code: string };
export type ProcedureRef = {
  seed: SeedProcedure;
  id: string;
  versionId: string;
  pairs: { competent: AgencyRef; receiving: AgencyRef }[];
  /** The version's inter-agency chain (ids), or null. */
  chain: HandlingStep[] | null;
};
export type Applicant = { id: string; person: SeedPerson };

export type DossierSeedInput = {
  random: Random;
  now: Date;
  calendar: WorkingCalendar;
  /** Agencies with their own working hours (the others keep the defaults). */
  workingHours?: Readonly<Record<string, WorkingHours>>;
  count: number;
  procedures: ProcedureRef[];
  people: Applicant[];
  demo: {
    citizen: Applicant;
    business: Applicant;
    organisationId: string;
    /** The company's name: the applicant of the dossiers filed in its name. */
    organisationName: string;
    /** The demo officers, with their roles: the rules check them at every step. */
    receiver: StaffActor;
    specialist: StaffActor;
    head: StaffActor;
    /** The provincial police's own officer: answers consultations. */
    police: StaffActor;
    /** Agencies asked for their opinion: the police, or justice for the police's own dossiers. */
    agencies: { police: AgencyRef; justice: AgencyRef };
  };
};

export type StaffActor = Extract<Actor, { kind: "staff" }>;

export type SeededDossiers = {
  dossiers: (typeof dossiers.$inferInsert)[];
  events: (typeof dossierEvents.$inferInsert)[];
  clockStops: (typeof dossierClockStops.$inferInsert)[];
  counters: (typeof dossierCodeCounters.$inferInsert)[];
  decisions: (typeof decisions.$inferInsert)[];
  consultations: (typeof dossierConsultations.$inferInsert)[];
  transferLegs: (typeof dossierTransferLegs.$inferInsert)[];
};

/** Who takes a step: the dossier's applicant or one of the demo officers. */
type Role = "applicant" | "receiver" | "specialist" | "head" | "police";

/**
 * The demo's showcases of the lifecycle: a question to another agency still open or answered, a
 * dossier transferred along its chain (and sitting at the second agency), an apology approved.
 */
type Lifecycle = "consulting" | "consulted" | "transferred" | "apology";

type Variant = "pre" | "post" | "early" | "processing" | "supplement";

type Spec = {
  status: SeededStatus;
  procedure: ProcedureRef;
  pair: { competent: AgencyRef; receiving: AgencyRef };
  channel: 1 | 2 | 3;
  applicant: Applicant;
  organisationId: string | null;
  companyName?: string;
  variant: Variant | null;
  /** The receiver asks for more before accepting (the clock has not started). */
  preSupplement: boolean;
  /** The specialist asks for more after accepting (the clock stops). */
  postSupplement: boolean;
  late: boolean;
  outcome: Outcome;
  lifecycle?: Lifecycle;
  /** A stable id for its consultation (the same on every walk of the dossier). */
  consultationId?: string;
  /** Drawn once, so re-placing a dossier in time keeps its shape. */
  offsets: {
    offHours: number | null;
    preRequest: number;
    preAnswer: number;
    accept: number;
    assign: number;
    postRequest: number;
    postAnswer: number;
    finishFraction: number;
    proposeFraction: number;
    lateBy: number;
    returnAfter: number;
    endAfter: number;
    /** Open dossiers: which step sits how many working minutes before now. */
    anchor: { step: "accept" | "last"; before: number };
    /** Spreads dossiers that would otherwise all be submitted in the last minute before today. */
    jitter: number;
  };
};

type PlannedStep = { at: Date; role: Role; event: Step["event"] };

/** The dossier's row as the steps decided so far left it. */
type Walked = DossierState & { submittedAt: Date | null; finishedAt: Date | null; returnedAt: Date | null };

type Plan = {
  /** the working minute of submission, to walk the same dossier again */
  start: number;
  steps: PlannedStep[];
  state: Walked;
  clockStops: { startedAt: Date; endedAt: Date | null }[];
  legs: { step: number; agencyId: string; plannedDays: number; startedAt: Date; endedAt: Date | null }[];
  consultations: {
    id: string;
    fromAgencyId: string;
    toAgencyId: string;
    question: string;
    askedAt: Date;
    askedBy: Role;
    answer: string | null;
    answeredAt: Date | null;
    answeredBy: Role | null;
  }[];
};

/** A decision to publish once the dossier is decided (a step of its history, like any other). */
type Publication = { number: string; issuedOn: string; at: Date };

const dayMs = 24 * 60 * 60 * 1000;

function drawSpec(
  input: DossierSeedInput,
  status: SeededStatus,
  fixed: Partial<Spec> & { procedureCode?: string } = {},
): Spec {
  const { random } = input;
  const byCode = (code: string) => {
    const found = input.procedures.find((p) => p.seed.code === code);
    if (!found) throw new Error(`Procedure ${code} is not seeded`);
    return found;
  };
  // Little's law: at any moment, dossiers with long time limits are the ones most likely still open.
  const weights = waitingStatuses.includes(status)
    ? Object.fromEntries(
        input.procedures.map((p) => [
          p.seed.code,
          (procedureWeights[p.seed.code] ?? 1) * longestLimitDays(p),
        ]),
      )
    : procedureWeights;
  let procedure = byCode(fixed.procedureCode ?? random.weighted(weights));
  // Drafts exist only online.
  while (status === "draft" && !procedure.seed.channels.includes("online"))
    procedure = byCode(random.weighted(procedureWeights));
  const pair = procedure.pairs.length > 1 && random.chance(0.45) ? procedure.pairs[1]! : procedure.pairs[0]!;
  const offered = Object.fromEntries(procedure.seed.channels.map((c) => [c, channelWeights[c]])) as Record<
    Channel,
    number
  >;
  const channel = fixed.channel ?? (status === "draft" ? 2 : channelNumber[random.weighted(offered)]);
  const days = timeLimitDays(procedure, channel);

  const variantFor: Partial<Record<SeededStatus, () => Variant>> = {
    supplement_requested: () => (random.chance(0.4) ? "pre" : "post"),
    withdrawn: () => random.weighted({ early: 5, processing: 3, supplement: 2 }),
    stopped: () => (random.chance(0.5) ? "processing" : "supplement"),
  };
  const variant = fixed.variant ?? variantFor[status]?.() ?? null;
  const processed = ["in_progress", "proposed", "done", "returned"].includes(status);

  return {
    status,
    procedure,
    pair,
    channel,
    applicant: fixed.applicant ?? random.pick(input.people),
    organisationId: fixed.organisationId ?? null,
    companyName: fixed.companyName,
    variant,
    preSupplement: fixed.preSupplement ?? (status !== "submitted" && random.chance(0.07)),
    postSupplement: fixed.postSupplement ?? (processed && random.chance(0.12)),
    late: fixed.late ?? (["done", "returned"].includes(status) && random.chance(0.09)),
    outcome: fixed.outcome ?? (random.chance(0.92) ? "approved" : "denied"),
    offsets: {
      offHours: channel === 2 && random.chance(0.35) ? random.int(30, 14 * 60) : null,
      preRequest: random.int(20, 600),
      preAnswer: random.int(120, minutesPerDay * 4),
      accept: channel === 1 ? random.int(3, 25) : random.int(15, 720),
      assign: random.int(5, 240),
      postRequest: random.int(30, Math.max(31, Math.min(days, 3) * minutesPerDay - 60)),
      postAnswer: random.int(minutesPerDay, minutesPerDay * 6),
      finishFraction: random.next(),
      proposeFraction: 0.5 + random.next() * 0.4,
      lateBy: random.int(30, minutesPerDay * 4),
      returnAfter: channel === 2 ? random.int(5, 180) : random.int(30, minutesPerDay * 3),
      endAfter:
        status === "stopped" && variant === "supplement"
          ? random.int(minutesPerDay * 5, minutesPerDay * 10)
          : random.int(20, minutesPerDay * 3),
      anchor: anchorFor(random, status, variant, days),
      jitter: random.int(0, 300),
    },
  };
}

function anchorFor(
  random: Random,
  status: SeededStatus,
  variant: Variant | null,
  days: number,
): Spec["offsets"]["anchor"] {
  const limit = days * minutesPerDay;
  const overdue = random.chance(0.15);
  switch (status) {
    case "received":
      return { step: "accept", before: random.int(0, 240) };
    case "in_progress":
      return {
        step: "accept",
        before: Math.floor(limit * (overdue ? 1 + random.next() * 0.6 : 0.05 + random.next() * 0.85)),
      };
    case "proposed":
      return {
        step: "accept",
        before: Math.floor(limit * (overdue ? 1 + random.next() * 0.4 : 0.4 + random.next() * 0.55)),
      };
    case "supplement_requested":
      return { step: "last", before: random.int(0, minutesPerDay * (variant === "pre" ? 3 : 4)) };
    case "submitted":
      return { step: "last", before: random.int(0, minutesPerDay) };
    default:
      return { step: "last", before: random.int(0, minutesPerDay * 2) };
  }
}

function longestLimitDays(procedure: ProcedureRef): number {
  const hours = Object.values(procedure.seed.timeLimitHours).filter((h): h is number => h !== null);
  return workingDaysFor(Math.max(...hours));
}

function timeLimitDays(procedure: ProcedureRef, channel: 1 | 2 | 3): number {
  const hours = procedure.seed.timeLimitHours[channelKey[channel]];
  if (hours === null) throw new Error(`${procedure.seed.code} is not offered on channel ${channel}`);
  return workingDaysFor(hours);
}

/**
 * Takes one step of a dossier's life: `decide()` with the actor and the seed's clock, and the row,
 * clock stops and history updated from the step it returns. Throws when the rules refuse.
 */
function walker(spec: Spec, input: DossierSeedInput, start: number): Plan & { act: Act } {
  const { receiver, specialist, head, police } = input.demo;
  const applicant: Actor = {
    kind: "applicant",
    userId: spec.applicant.id,
    name: spec.applicant.person.fullName,
    organisationIds: spec.organisationId ? [spec.organisationId] : [],
  };
  const cast: Record<Role, Actor> = { applicant, receiver, specialist, head, police };
  const limitDays = timeLimitDays(spec.procedure, spec.channel);
  const state: Walked = {
    ...draftState({
      applicantId: spec.applicant.id,
      organisationId: spec.organisationId,
      receivingAgencyId: spec.pair.receiving.id,
      competentAgencyId: spec.pair.competent.id,
    }),
    chain: spec.procedure.chain,
    submittedAt: null,
    finishedAt: null,
    returnedAt: null,
  };
  const plan: Plan = { start, steps: [], state, clockStops: [], legs: [], consultations: [] };
  const act: Act = (action, at, role, extra = {}) => {
    const command: Command = { action, ...extra };
    const decision = decide(state, cast[role], command, {
      now: at,
      calendar: input.calendar,
      timeLimitDays: limitDays,
      timeLimitHours: spec.procedure.seed.timeLimitHours[channelKey[spec.channel]] ?? undefined,
      ...(input.workingHours?.[state.competentAgencyId]
        ? { workingHours: input.workingHours[state.competentAgencyId] }
        : {}),
      // As the service asks the database: does the assignee hold the role at the competent agency?
      assigneeIsSpecialist:
        command.assigneeId === specialist.userId &&
        hasRole(specialist, state.competentAgencyId, "specialist"),
      agencyIsValid: true,
    });
    if (!decision.ok) {
      throw new Error(
        `Demo seed: the rules refuse "${action}" by the ${role} from "${state.status}" ` +
          `(${spec.procedure.seed.code}, ${at.toISOString()}): ${decision.error}`,
      );
    }
    const { step } = decision;
    Object.assign(state, step.changes, { status: step.status });
    if (action === "publish_decision") state.decisionPublished = true;
    if (step.clock && "stop" in step.clock) plan.clockStops.push({ startedAt: at, endedAt: null });
    if (step.clock && "resume" in step.clock)
      for (const stop of plan.clockStops) if (stop.endedAt === null) stop.endedAt = at;
    if (step.legs?.close) for (const leg of plan.legs) if (leg.endedAt === null) leg.endedAt = at;
    if (step.legs?.open) plan.legs.push({ ...step.legs.open, startedAt: at, endedAt: null });
    if (step.consultation && "ask" in step.consultation) {
      const { id, toAgencyId, question } = step.consultation.ask;
      plan.consultations.push({
        id,
        fromAgencyId: state.competentAgencyId,
        toAgencyId,
        question,
        askedAt: at,
        askedBy: role,
        answer: null,
        answeredAt: null,
        answeredBy: null,
      });
      state.openConsultations = [...state.openConsultations, { id, toAgencyId }];
    }
    if (step.consultation && "answer" in step.consultation) {
      const { id, answer } = step.consultation.answer;
      const asked = plan.consultations.find((c) => c.id === id)!;
      Object.assign(asked, { answer, answeredAt: at, answeredBy: role });
      state.openConsultations = state.openConsultations.filter((c) => c.id !== id);
    }
    plan.steps.push({ at, role, event: step.event });
  };
  return Object.assign(plan, { act });
}

type Act = (action: DossierAction, at: Date, role: Role, extra?: Omit<Command, "action">) => void;

/** Walks a dossier from submission at working minute `start` to its final state. */
function plan(
  spec: Spec,
  start: number,
  clock: WorkTime,
  input: DossierSeedInput,
  publication?: Publication,
): Plan {
  const o = spec.offsets;
  const { act, ...result } = walker(spec, input, start);
  const state = result.state;
  const end = (action: "refuse" | "withdraw" | "stop", at: Date, role: Role) => {
    act(action, at, role);
    return result;
  };

  let cursor = start;
  const submittedAt =
    o.offHours === null
      ? clock.at(cursor)
      : new Date(clock.at(clock.dayStart(cursor)).getTime() - o.offHours * 60_000);
  // The applicant is the one who submits, whatever the channel (rules.ts); desk and post show in the comment.
  act("submit", submittedAt, "applicant");
  if (spec.status === "submitted") return result;

  if (spec.preSupplement || spec.variant === "pre") {
    cursor += o.preRequest;
    act("request_supplement", clock.at(cursor), "receiver");
    if (spec.status === "supplement_requested") return result;
    cursor += o.preAnswer;
    act("supplement", clock.at(cursor), "applicant");
  }
  if (spec.status === "refused") return end("refuse", clock.at(cursor + o.endAfter), "receiver");
  if (spec.variant === "early") return end("withdraw", clock.at(cursor + o.endAfter), "applicant");

  cursor += o.accept;
  act("accept", clock.at(cursor), "receiver");
  if (spec.status === "received") return result;

  cursor += o.assign;
  act("assign", clock.at(cursor), "head", { assigneeId: input.demo.specialist.userId });
  const assignee = { assigneeId: input.demo.specialist.userId };
  if (spec.lifecycle === "consulting" || spec.lifecycle === "consulted") {
    const { police, justice } = input.demo.agencies;
    const toAgency = spec.pair.competent.id === police.id ? justice : police;
    cursor += 25;
    act("consult", clock.at(cursor), "specialist", {
      toAgencyId: toAgency.id,
      consultationId: spec.consultationId,
      comment: consultationQuestion,
    });
    if (spec.lifecycle === "consulted") {
      cursor += 90;
      act("answer_consultation", clock.at(cursor), toAgency.key === "police" ? "police" : "specialist", {
        consultationId: spec.consultationId,
        comment: consultationAnswer,
      });
    }
  }
  if (spec.lifecycle === "transferred") {
    // Handed on to the second agency of the chain, which has assigned it.
    cursor += 30;
    act("transfer", clock.at(cursor), "head", { comment: transferComment });
    cursor += 20;
    act("assign", clock.at(cursor), "head", assignee);
  }

  if (spec.postSupplement || spec.variant === "post" || spec.variant === "supplement") {
    cursor += o.postRequest;
    act("request_supplement", clock.at(cursor), "specialist");
    if (spec.status === "supplement_requested") return result;
    if (spec.status === "withdrawn") return end("withdraw", clock.at(cursor + o.endAfter), "applicant");
    if (spec.status === "stopped") return end("stop", clock.at(cursor + o.endAfter), "head");
    cursor += o.postAnswer;
    act("supplement", clock.at(cursor), "applicant");
  }
  if (spec.status === "withdrawn") return end("withdraw", clock.at(cursor + o.endAfter), "applicant");
  if (spec.status === "stopped") return end("stop", clock.at(cursor + o.endAfter), "head");
  if (spec.status === "in_progress") return result;

  const dueIndex = clock.indexOf(state.dueAt!);
  const earliest = cursor + 60;
  let finish = spec.late
    ? dueIndex + o.lateBy
    : earliest + Math.floor(Math.max(0, dueIndex - 5 - earliest) * o.finishFraction);
  const propose = cursor + Math.max(10, Math.floor((finish - cursor) * o.proposeFraction));
  if (finish <= propose) finish = propose + 10;
  const proposal = spec.outcome === "approved" ? "approve" : "deny";
  // Along the chain, each agency's turn before the proposal of the last one.
  const turns = (state.chain?.length ?? 1) - 1 - state.chainStep;
  for (let turn = 1; turn <= turns; turn++) {
    const at = cursor + Math.floor(((propose - cursor) * turn) / (turns + 1));
    act("transfer", clock.at(at), "head", { comment: transferComment });
    act("assign", clock.at(at + 5), "head", assignee);
  }
  if (spec.lifecycle === "apology") {
    // Will be late: the officer apologises with a later date, the head approves it; the dossier
    // still ends after the original date (late in the figures), before the new one.
    const original = state.dueAt!;
    act("propose_delay", clock.at(cursor + 10), "specialist", {
      newDueDate: addWorkingDaysToDate(localDate(original), 5, input.calendar),
      comment: apologyReason,
    });
    act("approve_delay", clock.at(cursor + 20), "head");
  }
  act("propose", clock.at(propose), "specialist", { proposal });
  if (spec.status === "proposed") return result;

  act(proposal, clock.at(finish), "head");
  // A head publishes the decision (lib/decisions/rules.ts decides who may, through decide()).
  const returnAt = clock.at(finish + o.returnAfter);
  const publishFirst = publication && (spec.status === "done" || publication.at <= returnAt);
  const publish = () =>
    act("publish_decision", publication!.at, "head", {
      decision: { number: publication!.number, issuedOn: publication!.issuedOn },
    });
  if (publishFirst) publish();
  if (spec.status === "done") return result;

  act("return_result", returnAt, "receiver");
  if (publication && !publishFirst) publish();
  return result;
}

/**
 * Places a dossier in time: finished ones anywhere in the year (more in recent months, as online
 * filing grows), open ones where their anchor says. No seeded dossier is submitted on now's own
 * date, so the code counters for today are untouched and a dossier filed after seeding never collides.
 */
function place(spec: Spec, input: DossierSeedInput, clock: WorkTime): Plan {
  const nowIndex = clock.indexOf(input.now);
  const lastSubmit = clock.indexOf(new Date(Date.parse(`${localDate(input.now)}T00:00:00+07:00`))) - 1;
  const yearAgo = clock.indexOf(new Date(input.now.getTime() - 365 * dayMs));
  const open = !["returned", "refused", "withdrawn", "stopped"].includes(spec.status);

  const probeStart = lastSubmit - minutesPerDay * 40;
  const probe = plan(spec, probeStart, clock, input);
  const { anchor } = spec.offsets;
  const anchorAt =
    anchor.step === "accept" && probe.state.acceptedAt ? probe.state.acceptedAt : lastAt(probe);
  let start: number;
  if (open) {
    start = nowIndex - anchor.before - (clock.indexOf(anchorAt) - probeStart);
  } else {
    const duration = clock.indexOf(lastAt(probe)) - probeStart;
    // Density rising linearly to twice the year-ago rate: x = F⁻¹(u) for f(x) ∝ 1 + x.
    const x = -1 + Math.sqrt(1 + 3 * input.random.next());
    start = yearAgo + Math.floor(x * Math.max(1, nowIndex - yearAgo - duration));
  }
  if (start > lastSubmit) start = lastSubmit - spec.offsets.jitter;
  for (let attempt = 0; attempt < 8; attempt++) {
    start = Math.max(yearAgo, start);
    const candidate = plan(spec, start, clock, input);
    if (lastAt(candidate) < input.now && localDate(candidate.state.submittedAt!) < localDate(input.now))
      return candidate;
    start -= Math.max(clock.indexOf(lastAt(candidate)) - nowIndex, 0) + 30;
  }
  throw new Error(
    `Could not place a ${spec.status} dossier of ${spec.procedure.seed.code} before ${input.now.toISOString()}`,
  );
}

function lastAt(plan: Plan): Date {
  return plan.steps[plan.steps.length - 1]!.at;
}

const comments: Record<string, string[]> = {
  accept: [
    "Hồ sơ đầy đủ, hợp lệ.",
    "Tiếp nhận hồ sơ, hẹn trả kết quả theo phiếu hẹn.",
    "Đã kiểm tra thành phần hồ sơ, đủ điều kiện tiếp nhận.",
  ],
  assign: [
    "Chuyển chuyên viên thẩm định, xử lý.",
    "Giao chuyên viên xử lý đúng hạn.",
    "Đề nghị chuyên viên thẩm định và trình kết quả.",
  ],
  propose_approve: [
    "Hồ sơ đủ điều kiện, đề nghị lãnh đạo phê duyệt.",
    "Đã thẩm định, đề nghị ký ban hành kết quả.",
    "Đủ điều kiện theo quy định, trình lãnh đạo xem xét.",
  ],
  propose_deny: [
    "Hồ sơ không đủ điều kiện theo quy định, đề nghị từ chối giải quyết.",
    "Thông tin kê khai không khớp với dữ liệu dân cư, đề nghị trả lời từ chối.",
  ],
  approve: ["Đồng ý.", "Duyệt, ký ban hành kết quả.", "Đồng ý với đề xuất của chuyên viên."],
  deny: [
    "Không đủ điều kiện giải quyết theo quy định; có văn bản trả lời nêu rõ lý do.",
    "Từ chối giải quyết: thông tin kê khai không đúng với hồ sơ gốc; đã thông báo lý do cho người nộp.",
  ],
  refuse: [
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đã hướng dẫn người nộp nơi nộp đúng.",
    "Người nộp không bổ sung hồ sơ theo yêu cầu; từ chối tiếp nhận.",
    "Thành phần hồ sơ không đúng quy định; đã hướng dẫn người nộp chuẩn bị lại.",
  ],
  withdraw: [
    "Tôi xin rút hồ sơ để nộp lại sau.",
    "Tôi đã nộp trùng hồ sơ, xin rút hồ sơ này.",
    "Gia đình thay đổi kế hoạch, tôi xin rút hồ sơ.",
  ],
  stop_processing: [
    "Dừng xử lý theo đề nghị của người nộp hồ sơ.",
    "Dừng xử lý do phát sinh tranh chấp liên quan đến nội dung hồ sơ; đã thông báo cho người nộp.",
  ],
  stop_supplement: ["Dừng xử lý do người nộp không bổ sung hồ sơ trong thời hạn đã thông báo."],
  request_supplement_pre: [
    "Ảnh chụp giấy tờ bị mờ, đề nghị tải lên bản rõ nét hơn.",
    "Thiếu trang 2 của giấy tờ đính kèm, đề nghị bổ sung.",
    "Thông tin trong tờ khai chưa khớp với giấy tờ tùy thân, đề nghị kiểm tra và bổ sung.",
  ],
  request_supplement_post: [
    "Đề nghị bổ sung giấy tờ chứng minh nơi cư trú do chưa khai thác được từ Cơ sở dữ liệu quốc gia về dân cư.",
    "Đề nghị bổ sung văn bản ủy quyền có chứng thực theo quy định.",
    "Hồ sơ cần làm rõ một số thông tin kê khai, đề nghị bổ sung bản sao giấy tờ liên quan.",
  ],
  supplement: [
    "Tôi đã bổ sung giấy tờ theo yêu cầu.",
    "Đã tải lên bản chụp rõ nét hơn.",
    "Gửi bổ sung giấy tờ theo hướng dẫn của cán bộ.",
  ],
};
const consultationQuestion =
  "Đề nghị quý cơ quan cho ý kiến về thông tin cư trú của người nộp hồ sơ trước khi giải quyết.";
const consultationAnswer = "Qua tra cứu, thông tin cư trú của người nộp hồ sơ khớp với dữ liệu đang quản lý.";
const transferComment = "Chuyển cơ quan tiếp theo theo quy trình liên thông.";
const apologyReason =
  "Cần thêm thời gian xác minh thông tin với cơ quan lưu trữ; cơ quan xin lỗi ông/bà vì sự chậm trễ.";
const buildingSupplement = "Bản vẽ thiết kế chưa thể hiện mặt cắt công trình, đề nghị bổ sung.";
const returnComments = {
  1: "Đã trả kết quả trực tiếp tại Bộ phận một cửa.",
  2: "Đã trả kết quả điện tử trên Cổng dịch vụ công.",
  3: "Đã gửi kết quả qua dịch vụ bưu chính công ích.",
};

function commentFor(
  step: PlannedStep,
  spec: Spec,
  random: Random,
  index: number,
  steps: PlannedStep[],
): string | null {
  const pick = (key: string) => random.pick(comments[key] ?? [""]);
  const { action, details, fromStatus } = step.event;
  switch (action) {
    case "submit":
      return spec.channel === 1
        ? "Nộp trực tiếp tại Bộ phận một cửa."
        : spec.channel === 3
          ? "Gửi hồ sơ qua dịch vụ bưu chính công ích."
          : null;
    case "accept":
    case "assign":
    case "approve":
      return random.chance(0.6) ? pick(action) : null;
    case "propose":
      return pick(details.proposal === "deny" ? "propose_deny" : "propose_approve");
    case "request_supplement":
      if (fromStatus === "submitted") return pick("request_supplement_pre");
      return spec.procedure.seed.code === "1.013225" && random.chance(0.6)
        ? buildingSupplement
        : pick("request_supplement_post");
    case "stop":
      return pick(
        steps[index - 1]?.event.action === "request_supplement" ? "stop_supplement" : "stop_processing",
      );
    case "withdraw":
      return random.chance(0.7) ? pick("withdraw") : null;
    case "return_result":
      return returnComments[spec.channel];
    case "publish_decision":
      // The decision's number is in the event; the register holds its summary.
      return null;
    case "consult":
    case "answer_consultation":
    case "transfer":
    case "propose_delay":
    case "approve_delay":
      // Written when the step was taken (plan()).
      return step.event.comment;
    default:
      return pick(action);
  }
}

/** The dossiers every demo login should find: the citizen's and the business's own. */
function featuredSpecs(input: DossierSeedInput): Spec[] {
  const { citizen, business, organisationId } = input.demo;
  const mine = { applicant: citizen };
  // The business registers subsidiaries it owns (its own company is registered already).
  const ours = (companyName?: string) => ({ applicant: business, organisationId, companyName });
  return [
    drawSpec(input, "returned", {
      ...mine,
      procedureCode: "1.001193",
      channel: 2,
      late: false,
      outcome: "approved",
    }),
    drawSpec(input, "in_progress", { ...mine, procedureCode: "3.000333", channel: 2 }),
    drawSpec(input, "supplement_requested", {
      ...mine,
      procedureCode: "1.004194",
      channel: 2,
      variant: "post",
    }),
    drawSpec(input, "draft", { ...mine, procedureCode: "1.004873" }),
    drawSpec(input, "returned", { ...mine, procedureCode: "2.000815", channel: 1, outcome: "approved" }),
    drawSpec(input, "received", { ...mine, procedureCode: "1.000894", channel: 2 }),
    drawSpec(input, "returned", {
      ...ours("Công ty TNHH Một thành viên Logistics Phố Hiến"),
      procedureCode: "2.001583",
      channel: 2,
      late: false,
      outcome: "approved",
    }),
    drawSpec(input, "in_progress", { ...ours(), procedureCode: "1.013225", channel: 2 }),
    drawSpec(input, "supplement_requested", {
      ...ours("Công ty TNHH Một thành viên Nông sản Phố Hiến"),
      procedureCode: "2.001583",
      channel: 2,
      variant: "pre",
    }),
    drawSpec(input, "draft", {
      ...ours("Công ty TNHH Một thành viên Xây dựng Phố Hiến"),
      procedureCode: "2.001583",
    }),
  ];
}

/**
 * Chooses the showcases among the drawn dossiers, without drawing again (the rest of the demo stays
 * as it was): the citizen's judicial record is at the chain's second agency, three dossiers in
 * progress asked another agency (one answered), one returned late had an approved apology.
 */
function markLifecycle(specs: Spec[], input: DossierSeedInput): void {
  const chained = specs.find(
    (s) => s.status === "in_progress" && s.applicant === input.demo.citizen && s.procedure.chain !== null,
  );
  if (chained) chained.lifecycle = "transferred";
  const asking = specs
    .filter(
      (s) => s.status === "in_progress" && s.procedure.chain === null && s.applicant !== input.demo.citizen,
    )
    .slice(0, 3);
  asking.forEach((s, index) => {
    s.lifecycle = index === 2 ? "consulted" : "consulting";
    s.consultationId = stableUuid(`consultation-${index}`);
  });
  const late = specs.find(
    (s) => s.status === "returned" && s.late && s.procedure.chain === null && !s.postSupplement,
  );
  if (late) late.lifecycle = "apology";
}

/** A uuid from a name, the same on every run (the seed is reproducible). */
function stableUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function seedDossiers(input: DossierSeedInput): SeededDossiers {
  const { random, now } = input;
  const clock = makeWorkTime(
    input.calendar,
    new Date(now.getTime() - 420 * dayMs),
    new Date(now.getTime() + 150 * dayMs),
  );

  const specs = featuredSpecs(input).slice(0, input.count);
  // Every state at least once, then by weight.
  for (const status of seededStatuses) if (specs.length < input.count) specs.push(drawSpec(input, status));
  while (specs.length < input.count) specs.push(drawSpec(input, random.weighted(statusWeights)));
  markLifecycle(specs, input);

  const staff: Record<Exclude<Role, "applicant">, string> = {
    receiver: input.demo.receiver.userId,
    specialist: input.demo.specialist.userId,
    head: input.demo.head.userId,
    police: input.demo.police.userId,
  };

  type Built = { row: typeof dossiers.$inferInsert; plan: Plan | null; spec: Spec };
  const built: Built[] = specs.map((spec) => {
    const id = random.uuid();
    const person = spec.applicant.person;
    const commune =
      spec.pair.competent.key === "thaiBinh"
        ? "thaiBinh"
        : spec.pair.competent.key === "phoHien"
          ? "phoHien"
          : random.pick(["phoHien", "thaiBinh"] as const);
    const base = {
      id,
      procedureId: spec.procedure.id,
      procedureVersionId: spec.procedure.versionId,
      applicantId: spec.applicant.id,
      organisationId: spec.organisationId,
      receivingAgencyId: spec.pair.receiving.id,
      competentAgencyId: spec.pair.competent.id,
      channel: spec.channel,
      // Filed in the company's name: the dossier's applicant is the company.
      applicantName: spec.organisationId ? input.demo.organisationName : person.fullName,
    };

    if (spec.status === "draft") {
      const createdAt = new Date(now.getTime() - random.int(120, 25 * 24 * 60) * 60_000);
      const answers = answersFor(spec.procedure.seed.code, {
        random,
        applicant: person,
        commune,
        submittedAt: createdAt,
        companyName: spec.companyName,
      });
      // A draft is a form half filled in: drop the last answers.
      const keys = Object.keys(answers);
      const kept = Object.fromEntries(
        Object.entries(answers).slice(0, Math.max(1, keys.length - random.int(1, 3))),
      );
      const updatedAt = new Date(
        Math.min(now.getTime() - 60_000, createdAt.getTime() + random.int(1, 90) * 60_000),
      );
      return {
        spec,
        plan: null,
        row: { ...base, status: "draft", formData: kept, version: 1, createdAt, updatedAt },
      };
    }

    const p = place(spec, input, clock);
    const submittedAt = p.state.submittedAt!;
    const createdAt = new Date(
      submittedAt.getTime() - (spec.channel === 1 ? random.int(1, 5) : random.int(4, 45)) * 60_000,
    );
    const formData = answersFor(spec.procedure.seed.code, {
      random,
      applicant: person,
      commune,
      submittedAt,
      companyName: spec.companyName,
    });
    return { spec, plan: p, row: { ...base, status: "submitted", formData, createdAt } };
  });

  // Codes in submission order, per receiving agency and local day, as the service hands them out.
  const counters = new Map<string, { agencyId: string; day: string; last: number }>();
  const submitted = built
    .filter((b): b is Built & { plan: Plan } => b.plan !== null)
    .sort((a, b) => a.plan.state.submittedAt!.getTime() - b.plan.state.submittedAt!.getTime());
  for (const b of submitted) {
    const submittedAt = b.plan.state.submittedAt!;
    const day = localDate(submittedAt);
    const key = `${b.spec.pair.receiving.id}|${day}`;
    const counter = counters.get(key) ?? { agencyId: b.spec.pair.receiving.id, day, last: 0 };
    counter.last += 1;
    counters.set(key, counter);
    b.row.code = formatDossierCode(b.spec.pair.receiving.code, submittedAt, counter.last);
  }

  // Decisions are published as a step of the dossier's history: walk those dossiers again with it.
  const publications = choosePublications(submitted, input);
  for (const { built: b, publication } of publications) {
    b.plan = plan(b.spec, b.plan.start, clock, input, publication);
  }

  const events: SeededDossiers["events"] = [];
  const clockStops: SeededDossiers["clockStops"] = [];
  const transferLegs: SeededDossiers["transferLegs"] = [];
  const consultations: SeededDossiers["consultations"] = [];
  for (const b of built) {
    if (!b.plan) continue;
    const { steps, state } = b.plan;
    Object.assign(b.row, {
      status: state.status,
      outcome: state.outcome,
      proposedOutcome: state.proposedOutcome,
      assigneeId: state.assigneeId,
      submittedAt: state.submittedAt,
      acceptedAt: state.acceptedAt,
      dueAt: state.dueAt,
      finishedAt: state.finishedAt,
      returnedAt: state.returnedAt,
      clockStoppedAt: state.clockStoppedAt,
      supplementCount: state.supplementCount,
      competentAgencyId: state.competentAgencyId,
      chainStep: state.chainStep,
      originalDueAt: state.originalDueAt,
      version: 1 + steps.length,
      updatedAt: lastAt(b.plan),
    });
    steps.forEach((step, index) => {
      events.push({
        dossierId: b.row.id!,
        at: step.at,
        actorId: step.role === "applicant" ? b.spec.applicant.id : staff[step.role],
        action: step.event.action,
        fromStatus: step.event.fromStatus,
        toStatus: step.event.toStatus,
        comment: commentFor(step, b.spec, random, index, steps),
        details: step.event.details,
      });
    });
    for (const leg of b.plan.legs) transferLegs.push({ dossierId: b.row.id!, ...leg });
    for (const c of b.plan.consultations) {
      const { askedBy, answeredBy, ...rest } = c;
      consultations.push({
        dossierId: b.row.id!,
        ...rest,
        askedBy: staff[askedBy as Exclude<Role, "applicant">],
        answeredBy: answeredBy ? staff[answeredBy as Exclude<Role, "applicant">] : null,
      });
    }
    for (const stop of b.plan.clockStops)
      clockStops.push({
        dossierId: b.row.id!,
        reason: "supplement",
        startedAt: stop.startedAt,
        endedAt: stop.endedAt,
      });
  }
  // Ids of the history then grow with time, as they would in a live system.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Chained in that order, as the portal would have appended them (lib/dossiers/chain.ts).
  const lastHash = new Map<string, string>();
  for (const event of events) {
    const prevHash = lastHash.get(event.dossierId) ?? null;
    const hash = eventHash({
      dossierId: event.dossierId,
      at: event.at,
      actorId: event.actorId ?? null,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus,
      comment: event.comment ?? null,
      details: event.details ?? null,
      prevHash,
    });
    Object.assign(event, { prevHash, hash });
    lastHash.set(event.dossierId, hash);
  }

  return {
    dossiers: built.map((b) => b.row),
    events,
    clockStops,
    consultations,
    transferLegs,
    counters: [...counters.values()],
    decisions: publications.map(({ built: b, publication, summary }) => ({
      id: input.random.uuid(),
      number: publication.number,
      issuedOn: publication.issuedOn,
      agencyId: b.spec.pair.competent.id,
      dossierId: b.row.id!,
      summaryVi: summary.vi,
      summaryEn: summary.en,
      searchText: searchable(`${publication.number} ${summary.vi} ${summary.en}`),
      publishedBy: input.demo.head.userId,
      publishedAt: publication.at,
    })),
  };
}

const money = {
  vi: new Intl.NumberFormat("vi-VN"),
  en: new Intl.NumberFormat("en-GB"),
};

/**
 * What the register says of a result, per procedure whose result is a public act (permits,
 * registrations). Published text holds no personal data (ARCHITECTURE invariant 9): no name, ID
 * number, phone or address of anyone, and no business name (household businesses are named after
 * people); only what the act is and figures that identify nobody.
 */
const summaries: Record<string, (answers: Record<string, unknown>) => { vi: string; en: string }> = {
  "1.013225": (a) => ({
    vi: `Cấp giấy phép xây dựng nhà ở riêng lẻ ${a.floors} tầng, tổng diện tích sàn ${a.floorAreaM2} m².`,
    en: `Building permit for a ${a.floors}-storey detached house, ${a.floorAreaM2} m² of floor area.`,
  }),
  "1.001612": (a) => ({
    vi: `Cấp Giấy chứng nhận đăng ký hộ kinh doanh, vốn kinh doanh ${money.vi.format(Number(a.capitalVnd))} đồng.`,
    en: `Household business registration certificate, business capital VND ${money.en.format(Number(a.capitalVnd))}.`,
  }),
  "2.001610": (a) => ({
    vi: `Cấp Giấy chứng nhận đăng ký doanh nghiệp tư nhân, vốn đầu tư ${money.vi.format(Number(a.investedCapitalVnd))} đồng.`,
    en: `Enterprise registration certificate for a private enterprise, invested capital VND ${money.en.format(Number(a.investedCapitalVnd))}.`,
  }),
  "2.001583": (a) => ({
    vi: `Cấp Giấy chứng nhận đăng ký doanh nghiệp công ty trách nhiệm hữu hạn một thành viên, vốn điều lệ ${money.vi.format(Number(a.charterCapitalVnd))} đồng.`,
    en: `Enterprise registration certificate for a single-member limited liability company, charter capital VND ${money.en.format(Number(a.charterCapitalVnd))}.`,
  }),
};

/** About 40 approved dossiers whose result is a public act, spread over the year, each with its decision. */
function choosePublications<B extends { row: typeof dossiers.$inferInsert; plan: Plan; spec: Spec }>(
  built: B[],
  input: DossierSeedInput,
): { built: B; publication: Publication; summary: { vi: string; en: string } }[] {
  const approved = built
    .filter((b) => b.plan.state.outcome === "approved" && summaries[b.spec.procedure.seed.code])
    .sort((a, b) => a.plan.state.finishedAt!.getTime() - b.plan.state.finishedAt!.getTime());
  const target = Math.round((input.count * 40) / 300);
  // Spread the published ones over the year rather than taking only the latest.
  const stride = Math.max(1, approved.length / Math.max(1, target));
  const chosen = [
    ...new Set(Array.from({ length: Math.min(target, approved.length) }, (_, k) => Math.floor(k * stride))),
  ].map((i) => approved[i]!);

  const sequence = new Map<string, number>();
  return chosen.map((b) => {
    const finishedAt = b.plan.state.finishedAt!;
    const issuedOn = localDate(finishedAt);
    const agency = b.spec.pair.competent;
    const key = `${agency.id}|${issuedOn.slice(0, 4)}`;
    const next = (sequence.get(key) ?? input.random.int(40, 160)) + input.random.int(1, 9);
    sequence.set(key, next);
    const number = `${next}/${agency.key === "finance" ? "QĐ-STC" : "QĐ-UBND"}`;
    // Half an hour after the decision, and before now.
    const at = new Date(
      Math.max(
        finishedAt.getTime(),
        Math.min(finishedAt.getTime() + 30 * 60_000, input.now.getTime() - 60_000),
      ),
    );
    const summary = summaries[b.spec.procedure.seed.code]!(b.row.formData as Record<string, unknown>);
    return { built: b, publication: { number, issuedOn, at }, summary };
  });
}
