import { describe, expect, it } from "vitest";
import {
  countOpinions,
  countVotes,
  defaultBodyRule,
  hasQuorum,
  moreThan,
  type BodyRule,
  type Choice,
} from "@/lib/meetings/rules";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);
const CHAIR = "m1";

/** Ballots from a compact spec: "yyn a" = m1 yes, m2 yes, m3 no, m4 no ballot, m5 abstain. */
function ballots(spec: string): { userId: string; choice: Choice }[] {
  const choices: Record<string, Choice> = { y: "yes", n: "no", a: "abstain" };
  return [...spec].flatMap((c, i) => (choices[c] ? [{ userId: `m${i + 1}`, choice: choices[c]! }] : []));
}

describe("moreThan and the quorum", () => {
  it.each([
    [50, 9, 5],
    [50, 8, 5],
    [50, 4, 3],
    [50, 1, 1],
    [66, 9, 6],
    [65, 20, 14],
    [50, 0, 1],
  ])("more than %i %% of %i is %i", (percent, of, expected) => {
    expect(moreThan(percent, of)).toBe(expected);
  });

  it.each([
    [9, 5, true],
    [9, 4, false],
    [8, 4, false],
    [8, 5, true],
    [4, 3, true],
    [4, 2, false],
    [0, 0, false],
  ])("%i members, %i present: quorum %s", (members, present, expected) => {
    expect(hasQuorum(defaultBodyRule, members, present)).toBe(expected);
  });
});

type Row = {
  name: string;
  rule?: Partial<BodyRule>;
  members: number;
  /** Who is present, as member numbers; all by default. */
  present?: number[];
  ballots: string;
  outcome: "adopted" | "rejected" | "no_quorum";
  decidedByChair?: boolean;
  base?: number;
};

const rows: Row[] = [
  // Majority of all members (the law's default)
  { name: "5 of 9 yes adopts", members: 9, ballots: "yyyyynnnn", outcome: "adopted", base: 9 },
  {
    name: "4 of 9 yes rejects, even with 5 abstaining",
    members: 9,
    ballots: "yyyyaaaaa",
    outcome: "rejected",
  },
  {
    name: "5 of 9 yes, four absent, adopts",
    members: 9,
    present: [1, 2, 3, 4, 5],
    ballots: "yyyyy",
    outcome: "adopted",
  },
  {
    name: "no quorum: 4 of 9 present",
    members: 9,
    present: [1, 2, 3, 4],
    ballots: "yyyy",
    outcome: "no_quorum",
  },
  {
    name: "all members base: 3 yes of 5 present out of 9 rejects",
    members: 9,
    present: [1, 2, 3, 4, 5],
    ballots: "yyynn",
    outcome: "rejected",
  },
  // Ties and the chair
  {
    name: "4-4 of 8, chair yes: adopted by the chair's side",
    members: 8,
    ballots: "yyyynnnn",
    outcome: "adopted",
    decidedByChair: true,
  },
  {
    name: "4-4 of 8, chair no: rejected by the chair's side",
    members: 8,
    ballots: "nyyyynnn",
    outcome: "rejected",
    decidedByChair: true,
  },
  {
    name: "4-4 of 8, chair abstaining: no tie broken, rejected",
    members: 8,
    ballots: "ayyyynnn",
    outcome: "rejected",
    decidedByChair: false,
  },
  {
    name: "4-4 of 9 (chair absent): rejected, nobody breaks it",
    members: 9,
    present: [2, 3, 4, 5, 6, 7, 8, 9],
    ballots: "-yyyynnnn",
    outcome: "rejected",
    decidedByChair: false,
  },
  {
    name: "2-2 of 4, chair yes: adopted",
    members: 4,
    ballots: "yynn",
    outcome: "adopted",
    decidedByChair: true,
  },
  {
    name: "chair's side off: 4-4 of 8 rejects",
    rule: { chairBreaksTie: false },
    members: 8,
    ballots: "yyyynnnn",
    outcome: "rejected",
    decidedByChair: false,
  },
  // Yes at the line but not matched by as many no: no tie (absent or abstaining members)
  {
    name: "4 yes, 3 no, 1 absent of 8, chair yes: rejected (no tie)",
    members: 8,
    present: [1, 2, 3, 4, 5, 6, 7],
    ballots: "yyyynnn",
    outcome: "rejected",
    decidedByChair: false,
  },
  {
    name: "4 yes, 2 no, 2 abstain of 8, chair yes: rejected (no tie)",
    members: 8,
    ballots: "yyyynnaa",
    outcome: "rejected",
    decidedByChair: false,
  },
  // Present base
  {
    name: "present base: 3 of 5 present adopts",
    rule: { majorityBase: "present" },
    members: 9,
    present: [1, 2, 3, 4, 5],
    ballots: "yyynn",
    outcome: "adopted",
    base: 5,
  },
  {
    name: "present base: 2 yes 2 no 2 not voted of 6 present rejects",
    rule: { majorityBase: "present" },
    members: 8,
    present: [1, 2, 3, 4, 5, 6],
    ballots: "yynn",
    outcome: "rejected",
    base: 6,
  },
  {
    name: "present base: 3-3 of 6 present, chair yes: adopted",
    rule: { majorityBase: "present" },
    members: 8,
    present: [1, 2, 3, 4, 5, 6],
    ballots: "yyynnn",
    outcome: "adopted",
    decidedByChair: true,
  },
  // Votes cast base
  {
    name: "votes cast base: an abstention is a vote cast: 3 yes, 2 no, 4 abstain rejects",
    rule: { majorityBase: "votes_cast" },
    members: 9,
    ballots: "yyynnaaaa",
    outcome: "rejected",
    base: 9,
  },
  {
    name: "votes cast base: 3 yes, 2 no, 4 present not voting adopts",
    rule: { majorityBase: "votes_cast" },
    members: 9,
    ballots: "yyynn----",
    outcome: "adopted",
    base: 5,
  },
  {
    name: "votes cast base: 2-2 with 1 abstention: base 5, rejected, no tie",
    rule: { majorityBase: "votes_cast" },
    members: 5,
    ballots: "yynna",
    outcome: "rejected",
    decidedByChair: false,
    base: 5,
  },
  {
    name: "votes cast base: 2-2, nobody else voting, chair yes: adopted",
    rule: { majorityBase: "votes_cast" },
    members: 5,
    ballots: "yynn-",
    outcome: "adopted",
    decidedByChair: true,
    base: 4,
  },
  {
    name: "votes cast base: nobody voted: rejected",
    rule: { majorityBase: "votes_cast" },
    members: 5,
    ballots: "-----",
    outcome: "rejected",
    base: 0,
  },
  // A two-thirds rule
  {
    name: "two thirds: 6 of 9 adopts",
    rule: { majorityPercent: 66 },
    members: 9,
    ballots: "yyyyyynnn",
    outcome: "adopted",
  },
  {
    name: "two thirds: 5 of 9 rejects",
    rule: { majorityPercent: 66 },
    members: 9,
    ballots: "yyyyynnnn",
    outcome: "rejected",
  },
];

describe("countVotes, table-driven", () => {
  it.each(rows)("$name", (row) => {
    const members = ids(row.members);
    const present = (row.present ?? members.map((_, i) => i + 1)).map((n) => `m${n}`);
    const count = countVotes(
      { ...defaultBodyRule, ...row.rule },
      { votingMembers: members, present, ballots: ballots(row.ballots), chairId: CHAIR },
    );
    expect(count.outcome).toBe(row.outcome);
    if (row.decidedByChair !== undefined) expect(count.decidedByChair).toBe(row.decidedByChair);
    if (row.base !== undefined) expect(count.base).toBe(row.base);
    expect(count.yes + count.no + count.abstain + count.notVoted).toBe(count.present);
    expect(count.present + count.absent).toBe(count.votingMembers);
  });

  it("counts a member once: the last of repeated ballots wins", () => {
    const count = countVotes(defaultBodyRule, {
      votingMembers: ids(4),
      present: ids(4),
      ballots: [
        { userId: "m2", choice: "no" },
        { userId: "m2", choice: "yes" },
        { userId: "m2", choice: "yes" },
        { userId: "m3", choice: "yes" },
        { userId: "m4", choice: "yes" },
      ],
      chairId: CHAIR,
    });
    expect([count.yes, count.no, count.notVoted]).toEqual([3, 0, 1]);
    expect(count.outcome).toBe("adopted");
  });

  it("ignores ballots of absent members and of people who are not members", () => {
    const count = countVotes(defaultBodyRule, {
      votingMembers: ids(4),
      present: ["m1", "m2", "m3", "guest"],
      ballots: [
        { userId: "m1", choice: "yes" },
        { userId: "m2", choice: "yes" },
        { userId: "m4", choice: "yes" },
        { userId: "guest", choice: "yes" },
      ],
      chairId: CHAIR,
    });
    expect([count.yes, count.present, count.absent, count.notVoted]).toEqual([2, 3, 1, 1]);
    expect(count.outcome).toBe("rejected");
  });

  it("with no chair named, a tie is rejected", () => {
    const count = countVotes(defaultBodyRule, {
      votingMembers: ids(4),
      present: ids(4),
      ballots: ballots("yynn"),
      chairId: null,
    });
    expect(count.outcome).toBe("rejected");
    expect(count.decidedByChair).toBe(false);
  });
});

describe("countOpinions", () => {
  const members = ids(4);
  it("agreeing with or without comments is yes; answers received are the quorum", () => {
    const count = countOpinions(defaultBodyRule, {
      votingMembers: members,
      answers: [
        { userId: "m1", answer: "agree" },
        { userId: "m2", answer: "agree_with_comments" },
        { userId: "m3", answer: "agree" },
        { userId: "m4", answer: "disagree" },
      ],
      chairId: CHAIR,
    });
    expect([count.yes, count.no, count.withComments, count.outcome]).toEqual([3, 1, 1, "adopted"]);
  });

  it("2-2 is decided by the chair's answer", () => {
    const agreeing = countOpinions(defaultBodyRule, {
      votingMembers: members,
      answers: [
        { userId: "m1", answer: "agree" },
        { userId: "m2", answer: "agree_with_comments" },
        { userId: "m3", answer: "disagree" },
        { userId: "m4", answer: "disagree" },
      ],
      chairId: CHAIR,
    });
    expect([agreeing.outcome, agreeing.decidedByChair]).toEqual(["adopted", true]);
    const disagreeing = countOpinions(defaultBodyRule, {
      votingMembers: members,
      answers: [
        { userId: "m1", answer: "disagree" },
        { userId: "m2", answer: "agree" },
        { userId: "m3", answer: "agree" },
        { userId: "m4", answer: "disagree" },
      ],
      chairId: CHAIR,
    });
    expect([disagreeing.outcome, disagreeing.decidedByChair]).toEqual(["rejected", true]);
  });

  it("too few answers is no quorum; answers of non-members are ignored", () => {
    const count = countOpinions(defaultBodyRule, {
      votingMembers: members,
      answers: [
        { userId: "m1", answer: "agree" },
        { userId: "m2", answer: "agree" },
        { userId: "secretary", answer: "agree" },
      ],
      chairId: CHAIR,
    });
    expect([count.present, count.outcome]).toEqual([2, "no_quorum"]);
  });

  it("2 agree, 1 disagree, 1 not answered of 4 (chair agreeing) is no tie: rejected", () => {
    const count = countOpinions(defaultBodyRule, {
      votingMembers: members,
      answers: [
        { userId: "m1", answer: "agree" },
        { userId: "m2", answer: "agree" },
        { userId: "m3", answer: "disagree" },
      ],
      chairId: CHAIR,
    });
    expect([count.quorum, count.outcome, count.decidedByChair]).toEqual([true, "rejected", false]);
  });
});
