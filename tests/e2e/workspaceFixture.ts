import { Client } from "pg";

/*
 * The deciding body of the meetings' e2e test, written straight into the test server's database
 * (DATABASE_URL) from the demo accounts that exist today. Once ws-opinions' seed (the body
 * `ubnd-hung-yen` and the workspace demo accounts) is merged, the spec should use those instead.
 */

export type MeetingsCast = {
  bodyId: string;
  dossierCode: string;
  chair: string;
  members: [string, string, string];
  secretary: string;
  officer: string;
};

const emails = {
  chair: "head@demo.hungyen.gov.vn",
  member1: "receiver@demo.hungyen.gov.vn",
  member2: "police@demo.hungyen.gov.vn",
  member3: "admin@demo.hungyen.gov.vn",
  secretary: "agency-admin@demo.hungyen.gov.vn",
  officer: "specialist@demo.hungyen.gov.vn",
};

export async function createMeetingsCast(): Promise<MeetingsCast> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL: the test server's database, for the meetings fixture");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const ids: Record<string, string> = {};
    for (const [key, email] of Object.entries(emails)) {
      const { rows } = await client.query<{ id: string }>("select id from users where email = $1", [email]);
      if (!rows[0]) throw new Error(`no demo account ${email}`);
      ids[key] = rows[0].id;
    }
    // An in-progress dossier of the specialist's agency: the body is that agency's.
    const { rows: dossiers } = await client.query<{ code: string; agency: string }>(
      `select d.code, d.competent_agency_id as agency from dossiers d
         join staff_roles r on r.agency_id = d.competent_agency_id and r.user_id = $1 and r.role = 'specialist'
        where d.status = 'in_progress' and d.code is not null
          and not exists (select 1 from agenda_item_dossiers a where a.dossier_id = d.id)
        order by d.code limit 1`,
      [ids.officer],
    );
    if (!dossiers[0]) throw new Error("no dossier in progress for the specialist");
    const code = `e2e-${Date.now().toString(36)}`;
    const { rows: bodies } = await client.query<{ id: string }>(
      `insert into bodies (code, name_vi, name_en, agency_id) values ($1, $2, $3, $4) returning id`,
      [code, `Ủy ban thử nghiệm ${code}`, `Test committee ${code}`, dossiers[0].agency],
    );
    const bodyId = bodies[0]!.id;
    const members: [string, string][] = [
      [ids.chair!, "chair"],
      [ids.member1!, "member"],
      [ids.member2!, "member"],
      [ids.member3!, "member"],
      [ids.secretary!, "secretary"],
    ];
    for (const [userId, role] of members)
      await client.query("insert into body_members (body_id, user_id, role) values ($1, $2, $3)", [
        bodyId,
        userId,
        role,
      ]);
    return {
      bodyId,
      dossierCode: dossiers[0].code,
      chair: emails.chair,
      members: [emails.chair, emails.member1, emails.member2],
      secretary: emails.secretary,
      officer: emails.officer,
    };
  } finally {
    await client.end();
  }
}
