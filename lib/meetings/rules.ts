/**
 * How a deciding body decides (pure): quorum, majority and the chair's casting side, for votes in a
 * meeting and for written opinion forms alike. The default is the law's for people's committees: a
 * session needs more than half of all members present, a decision more than half of all members
 * voting yes, and on a tie the side the chair voted with wins.
 */

export type MajorityBase = "all_members" | "present" | "votes_cast";

export type BodyRule = {
  /** More than this percent of all voting members present makes a quorum. */
  quorumPercent: number;
  /** More than this percent of the base voting yes adopts. */
  majorityPercent: number;
  majorityBase: MajorityBase;
  chairBreaksTie: boolean;
};

export const defaultBodyRule: BodyRule = {
  quorumPercent: 50,
  majorityPercent: 50,
  majorityBase: "all_members",
  chairBreaksTie: true,
};

export type Choice = "yes" | "no" | "abstain";

export type VoteCount = {
  yes: number;
  no: number;
  abstain: number;
  /** Voting members present who cast no ballot. */
  notVoted: number;
  /** Voting members not present. */
  absent: number;
  votingMembers: number;
  present: number;
  quorum: boolean;
  /** The number the majority is taken of (by the rule's base). */
  base: number;
  /** The least number of yes votes that adopts without the chair's casting side. */
  needed: number;
  outcome: "adopted" | "rejected" | "no_quorum";
  /** The yes votes were exactly at the line and the chair's side decided. */
  decidedByChair: boolean;
};

/** More than `percent` of `of`: 50 of 9 is 5, 50 of 8 is 5, 66 of 9 is 6. */
export function moreThan(percent: number, of: number): number {
  return Math.floor((percent * of) / 100) + 1;
}

export function hasQuorum(rule: BodyRule, votingMembers: number, present: number): boolean {
  return votingMembers > 0 && present >= moreThan(rule.quorumPercent, votingMembers);
}

/**
 * Counts one question's ballots. Only ballots of voting members present count (one each: the last
 * given wins if a list repeats a member); ballots of others are ignored.
 */
export function countVotes(
  rule: BodyRule,
  input: {
    votingMembers: readonly string[];
    present: readonly string[];
    ballots: readonly { userId: string; choice: Choice }[];
    chairId: string | null;
  },
): VoteCount {
  const members = new Set(input.votingMembers);
  const present = new Set(input.present.filter((id) => members.has(id)));
  const byMember = new Map<string, Choice>();
  for (const ballot of input.ballots)
    if (present.has(ballot.userId)) byMember.set(ballot.userId, ballot.choice);
  const tally = { yes: 0, no: 0, abstain: 0 };
  for (const choice of byMember.values()) tally[choice] += 1;
  const cast = tally.yes + tally.no + tally.abstain;
  const quorum = hasQuorum(rule, members.size, present.size);
  const base =
    rule.majorityBase === "all_members"
      ? members.size
      : rule.majorityBase === "present"
        ? present.size
        : cast;
  const needed = moreThan(rule.majorityPercent, base);
  // A tie ("tán thành và không tán thành ngang nhau"): as many yes as no, and the yes votes stand
  // exactly at the percent of the base (4 of 8 at 50 %), one short of more. Yes at the line with
  // fewer no votes (members absent or abstaining) is no tie: it lacks the majority, and the chair's
  // side cannot make one up.
  const tie = base > 0 && tally.yes === tally.no && tally.yes * 100 === rule.majorityPercent * base;
  const chairChoice = input.chairId ? byMember.get(input.chairId) : undefined;
  let outcome: VoteCount["outcome"] = "rejected";
  let decidedByChair = false;
  if (!quorum) outcome = "no_quorum";
  else if (base > 0 && tally.yes >= needed) outcome = "adopted";
  else if (tie && rule.chairBreaksTie && chairChoice !== undefined && chairChoice !== "abstain") {
    decidedByChair = true;
    outcome = chairChoice === "yes" ? "adopted" : "rejected";
  }
  return {
    ...tally,
    notVoted: present.size - cast,
    absent: members.size - present.size,
    votingMembers: members.size,
    present: present.size,
    quorum,
    base,
    needed,
    outcome,
    decidedByChair,
  };
}

export type OpinionAnswer = "agree" | "agree_with_comments" | "disagree";

/**
 * A written opinion form counted by the same rule: each member who answered is "present", agreeing
 * (with or without comments) is yes, disagreeing is no; the quorum is of answers received.
 */
export function countOpinions(
  rule: BodyRule,
  input: {
    votingMembers: readonly string[];
    answers: readonly { userId: string; answer: OpinionAnswer }[];
    chairId: string | null;
  },
): VoteCount & { withComments: number } {
  const answered = input.answers.filter((answer) => input.votingMembers.includes(answer.userId));
  const count = countVotes(rule, {
    votingMembers: input.votingMembers,
    present: answered.map((answer) => answer.userId),
    ballots: answered.map((answer) => ({
      userId: answer.userId,
      choice: answer.answer === "disagree" ? "no" : "yes",
    })),
    chairId: input.chairId,
  });
  return {
    ...count,
    withComments: answered.filter((answer) => answer.answer === "agree_with_comments").length,
  };
}
