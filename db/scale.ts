/**
 * The data of `npm run bench:scale` (scripts/bench-scale.ts): a province after three years on the
 * portal, generated inside PostgreSQL (INSERT … SELECT over generate_series), which on two cores is
 * faster than streaming rows from Node. Deterministic: setseed() fixes the server's random().
 *
 *   40 agencies (the provincial centre, 19 departments, 20 communes), 6,000 catalogue procedures of
 *   which 1,000 are filed, 200,000 applicants (10 heavy ones: service agents), 1,000,000 dossiers and
 *   their history, Zipf-like: a few procedures, communes and applicants take most dossiers.
 */
import type { Client } from "pg";
import { createRandom } from "@/db/seed/random";
import { searchable } from "@/lib/text/normalize";

export type ScaleSize = {
  dossiers: number;
  applicants: number;
  /** Catalogue rows (the search runs over them). */
  procedures: number;
  /** Procedures that dossiers are filed under (the most popular first). */
  filedProcedures: number;
};

export const fullSize: ScaleSize = {
  dossiers: 1_000_000,
  applicants: 200_000,
  procedures: 6_000,
  filedProcedures: 1_000,
};

/** 0 = the provincial centre, 1–19 departments, 20–39 communes. */
const departmentCount = 19;
const communeCount = 20;
const heavyApplicants = 10;

export const agencyCode = (i: number) =>
  i === 0 ? "000.00.01.H40" : i <= departmentCount ? `000.00.${10 + i}.H40` : `000.${10 + i}.20.H40`;

/* Procedure names built from real catalogue words, so an accent-free search finds a realistic few. */
const acts = [
  ["Đăng ký", "Registration of"],
  ["Cấp", "Issuance of"],
  ["Cấp lại", "Re-issuance of"],
  ["Cấp đổi", "Renewal of"],
  ["Điều chỉnh", "Amendment of"],
  ["Gia hạn", "Extension of"],
  ["Xác nhận", "Certification of"],
  ["Thu hồi", "Revocation of"],
  ["Công nhận", "Recognition of"],
  ["Thay đổi", "Change of"],
] as const;
const subjects = [
  ["khai sinh", "birth", "Hộ tịch", "Civil status"],
  ["kết hôn", "marriage", "Hộ tịch", "Civil status"],
  ["khai tử", "death", "Hộ tịch", "Civil status"],
  ["nhận cha, mẹ, con", "parentage", "Hộ tịch", "Civil status"],
  ["giám hộ", "guardianship", "Hộ tịch", "Civil status"],
  ["hộ kinh doanh", "household business", "Thành lập và hoạt động doanh nghiệp", "Business"],
  ["doanh nghiệp tư nhân", "private enterprise", "Thành lập và hoạt động doanh nghiệp", "Business"],
  ["giấy phép xây dựng", "construction permit", "Xây dựng", "Construction"],
  ["quyền sử dụng đất", "land use rights", "Đất đai", "Land"],
  ["giấy phép lái xe", "driving licence", "Đường bộ", "Road transport"],
  ["chứng chỉ hành nghề", "practising certificate", "Y tế", "Health"],
  ["giấy phép kinh doanh rượu", "liquor trading licence", "Lưu thông hàng hóa", "Trade"],
  ["trợ cấp xã hội", "social allowance", "Bảo trợ xã hội", "Social protection"],
  ["thường trú", "permanent residence", "Đăng ký, quản lý cư trú", "Residence"],
  ["tạm trú", "temporary residence", "Đăng ký, quản lý cư trú", "Residence"],
  ["con dấu", "seal", "Quản lý ngành nghề", "Regulated trades"],
  ["giấy phép môi trường", "environmental permit", "Môi trường", "Environment"],
  ["học bổng", "scholarship", "Giáo dục", "Education"],
  ["văn bằng", "diploma", "Giáo dục", "Education"],
  ["biển số xe", "vehicle plate", "Đường bộ", "Road transport"],
] as const;
const qualifiers = [
  ["", ""],
  [" có yếu tố nước ngoài", " with a foreign element"],
  [" lưu động", " (mobile)"],
  [" cho người nước ngoài", " for foreigners"],
  [" trực tuyến", " online"],
  [" tại cấp xã", " at commune level"],
  [" cho tổ chức", " for organisations"],
  [" kết hợp", " (combined)"],
] as const;

type ProcedureSeed = {
  code: string;
  nameVi: string;
  nameEn: string;
  fieldVi: string;
  fieldEn: string;
  level: "province" | "commune";
  searchText: string;
  /** Department (1–19) that decides a province-level procedure. */
  department: number;
  /** Working days. */
  timeLimitDays: number;
};

export function scaleProcedures(count: number): ProcedureSeed[] {
  const random = createRandom(20260601);
  const rows: ProcedureSeed[] = [];
  for (let j = 0; j < count; j++) {
    // j = 0 is "Đăng ký khai sinh": the most filed procedure is the country's most filed one.
    const act = acts[j % acts.length]!;
    const subject = subjects[Math.floor(j / acts.length) % subjects.length]!;
    const qualifier = qualifiers[Math.floor(j / (acts.length * subjects.length)) % qualifiers.length]!;
    const variant = Math.floor(j / (acts.length * subjects.length * qualifiers.length));
    const suffix = variant === 0 ? "" : ` (mẫu ${variant + 1})`;
    const nameVi = `${act[0]} ${subject[0]}${qualifier[0]}${suffix}`;
    const nameEn = `${act[1]} ${subject[1]}${qualifier[1]}${variant === 0 ? "" : ` (form ${variant + 1})`}`;
    const level =
      subject[2] === "Hộ tịch" || subject[2] === "Bảo trợ xã hội" || j % 3 === 0 ? "commune" : "province";
    rows.push({
      code: `9.${String(100000 + j).padStart(6, "0")}`,
      nameVi,
      nameEn,
      fieldVi: subject[2],
      fieldEn: subject[3],
      level,
      searchText: searchable(`${nameVi} ${subject[2]} ${nameEn} ${subject[3]}`),
      department:
        1 +
        Math.min(
          departmentCount - 1,
          Math.floor(Math.exp(random.next() * Math.log(departmentCount + 1))) - 1,
        ),
      timeLimitDays: random.int(3, 15),
    });
  }
  return rows;
}

export type PhaseTimer = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * Fills a freshly migrated database. The dossier tables' secondary indexes are dropped while the
 * rows go in and built again afterwards (the same definitions, read back from the catalogue), and
 * foreign-key triggers are off during the load (session_replication_role = replica): every
 * reference is generated from the rows inserted just before it.
 */
export async function fillScale(client: Client, size: ScaleSize, phase: PhaseTimer): Promise<void> {
  const timed = async (label: string, text: string) => {
    const started = performance.now();
    await client.query(text);
    console.log(`    ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set work_mem = '256MB'`);
  await client.query(`set session_replication_role = replica`);
  await client.query(`select setseed(0.2026)`);

  const procedures = scaleProcedures(size.procedures);

  await phase("agencies, catalogue, applicants", async () => {
    const codes = Array.from({ length: 1 + departmentCount + communeCount }, (_, i) => agencyCode(i));
    await client.query(
      `create unlogged table scale_agency as
       select (n - 1)::int as i, md5('agency' || (n - 1))::uuid as id, code,
              case when n = 1 then 'province_centre' when n <= ${departmentCount + 1} then 'department' else 'commune_committee' end as kind
       from unnest($1::text[]) with ordinality c(code, n)`,
      [codes],
    );
    await client.query(
      `insert into agencies (id, code, name_vi, name_en, kind)
       select id, code, case when kind = 'province_centre' then 'Trung tâm Phục vụ hành chính công tỉnh'
                             when kind = 'department' then 'Sở số ' || i else 'UBND xã số ' || i end,
              case when kind = 'province_centre' then 'Provincial public service centre'
                   when kind = 'department' then 'Department ' || i else 'Commune ' || i end, kind
       from scale_agency`,
    );

    await client.query(
      `create unlogged table scale_procedure as
       select (n - 1)::int as j, md5('procedure' || (n - 1))::uuid as id, md5('version' || (n - 1))::uuid as version_id,
              p.level, p.department, p.days
       from unnest($1::text[], $2::int[], $3::int[]) with ordinality p(level, department, days, n)`,
      [
        procedures.map((p) => p.level),
        procedures.map((p) => p.department),
        procedures.map((p) => p.timeLimitDays),
      ],
    );
    // Keys and statistics, or the planner joins a million dossiers to them by nested loop.
    await client.query(`alter table scale_agency add primary key (i)`);
    await client.query(`alter table scale_procedure add primary key (j)`);
    await client.query(`analyze scale_agency`);
    await client.query(`analyze scale_procedure`);
    await client.query(
      `insert into procedures (id, code, name_vi, name_en, field_vi, field_en, level, online_level, search_text, popular_rank)
       select md5('procedure' || (n - 1))::uuid, code, name_vi, name_en, field_vi, field_en, level,
              case when n % 2 = 0 then 'whole' else 'partial' end, search_text, case when n <= 6 then n::int end
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         with ordinality p(code, name_vi, name_en, field_vi, field_en, level, search_text, n)`,
      [
        procedures.map((p) => p.code),
        procedures.map((p) => p.nameVi),
        procedures.map((p) => p.nameEn),
        procedures.map((p) => p.fieldVi),
        procedures.map((p) => p.fieldEn),
        procedures.map((p) => p.level),
        procedures.map((p) => p.searchText),
      ],
    );
    await client.query(`
      insert into procedure_versions (id, procedure_id, version, is_current, time_limit_hours, fees, documents, form, details)
      select version_id, id, 1, true,
             jsonb_build_object('online', days * 8, 'desk', days * 8, 'post', days * 8),
             '[]'::jsonb, '[]'::jsonb, '{"sections": []}'::jsonb,
             '{"targetGroups": [], "channels": ["online", "desk"], "result": {"vi": "", "en": ""}, "legalBasis": []}'::jsonb
      from scale_procedure`);
    // Province level: decided by a department, received at the centre. Commune level: any commune.
    await client.query(`
      insert into procedure_agencies (procedure_id, competent_agency_id, receiving_agency_id)
      select p.id, d.id, c.id from scale_procedure p
        join scale_agency d on d.i = p.department join scale_agency c on c.i = 0
      where p.level = 'province'
      union all
      select p.id, a.id, a.id from scale_procedure p join scale_agency a on a.kind = 'commune_committee'
      where p.level = 'commune'`);

    await client.query(`
      insert into users (id, email, full_name, kind)
      select md5('user' || k)::uuid, 'applicant' || k || '@scale.example.vn', 'Công dân số ' || k, 'citizen'
      from generate_series(1, ${size.applicants}) k`);
  });

  await phase(`${size.dossiers.toLocaleString("en")} dossiers`, async () => {
    // Drop the dossier tables' secondary indexes for the load; build them once at the end.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(`
      select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename in ('dossiers', 'dossier_events', 'dossier_clock_stops')
        and indexname not in (select conname from pg_constraint)`);
    await client.query(`create unlogged table scale_index (name text, definition text)`);
    for (const index of indexes) {
      await client.query(`insert into scale_index values ($1, $2)`, [index.indexname, index.indexdef]);
      await client.query(`drop index "${index.indexname}"`);
    }

    /*
     * One row per dossier with everything its history needs. Zipf-like picks: exp(u · ln(N + 1)) − 1
     * is rank r with probability ∝ 1/r (rank 0 the most likely).
     */
    await timed(
      "generate the facts",
      `
      create unlogged table scale_dossier as
      with base as (
        select g as n,
               floor(exp(random() * ln(${size.filedProcedures} + 1)))::int - 1 as p,
               floor(exp(random() * ln(${communeCount} + 1)))::int - 1 as commune,
               case when random() < 0.03 then 1 + floor(exp(random() * ln(${heavyApplicants} + 1)))::int - 1
                    else ${heavyApplicants} + 1 + floor(random() * (${size.applicants} - ${heavyApplicants}))::int end as applicant,
               -- more dossiers lately than three years ago
               now() - interval '1095 days' * power(random(), 1.25) as created,
               random() as r, random() as r2, random() as r3
        from generate_series(1, ${size.dossiers}) g
      ), placed as materialized (
        select b.*, pr.id as procedure_id, pr.version_id, pr.days,
               case when pr.level = 'province' then 0 else ${departmentCount + 1} + least(b.commune, ${communeCount - 1}) end as receiving,
               case when pr.level = 'province' then pr.department else ${departmentCount + 1} + least(b.commune, ${communeCount - 1}) end as competent,
               extract(epoch from now() - b.created) / 86400 as age
        from base b join scale_procedure pr on pr.j = least(b.p, ${size.filedProcedures - 1})
      ), fated as materialized (
        select p.*,
          case
            when p.age < 20 and p.r < 0.005 then 'draft'
            when p.age > 60 then case when p.r < 0.90 then 'returned' when p.r < 0.93 then 'refused'
                                      when p.r < 0.955 then 'withdrawn' when p.r < 0.965 then 'stopped' else 'done' end
            when p.age < 2 and p.r < 0.5 then 'submitted'
            else case when p.r < 0.06 then 'submitted' when p.r < 0.16 then 'received' when p.r < 0.40 then 'in_progress'
                      when p.r < 0.47 then 'proposed' when p.r < 0.53 then 'supplement_requested' when p.r < 0.63 then 'done'
                      when p.r < 0.93 then 'returned' when p.r < 0.96 then 'refused' when p.r < 0.985 then 'withdrawn'
                      else 'stopped' end
          end as status
        from placed p
      ), timed as materialized (
        select f.*,
          case when f.status = 'draft' then null
               else f.created + least(interval '1 minute' + interval '3 hours' * f.r2, (now() - f.created) / 2) end as submitted,
          -- accepted: all that went past the desk; refused and half of the withdrawn ones never did
          case when f.status in ('draft', 'submitted', 'refused') or (f.status = 'withdrawn' and f.r2 < 0.5) then null
               else f.created + least(interval '4 hours' + interval '1 day' * f.r3 * least(1.5, f.age / 3), (now() - f.created) * 0.75) end as accepted,
          f.age > 10 and f.r3 < 0.08 and f.status not in ('draft', 'submitted', 'refused')
            and not (f.status = 'withdrawn' and f.r2 < 0.5) as had_supplement
        from fated f
      ), ended as materialized (
        select t.*,
          case when t.status in ('done', 'returned', 'stopped', 'withdrawn') and t.accepted is not null
                 then least(now() - interval '1 hour', t.accepted + interval '1 day' * ceil(t.days * 1.4) * (0.35 + 0.75 * t.r2)
                   + case when t.had_supplement then interval '3 days' else interval '0' end)
               when t.status in ('refused', 'withdrawn') then t.submitted + (now() - t.submitted) * 0.1
          end as finished
        from timed t
      )
      select t.*,
        md5('dossier' || t.n)::uuid as id,
        -- the appointment: 17:00 in Vietnam (10:00 UTC) of a day, so many dossiers share one
        case when t.accepted is null then null
             else date_trunc('day', t.accepted + interval '1 day' * ceil(t.days * 1.4) + case when t.had_supplement then interval '3 days' else interval '0' end) + interval '10 hours' end as due,
        case when t.status = 'returned' then t.finished + least(interval '3 days' * (0.1 + t.r3), (now() - t.finished) / 2) end as returned
      from ended t
      -- in the order they were filed, as a real table fills: this year's open dossiers sit together
      order by t.created`,
    );

    await timed(
      "insert the dossiers",
      `
      insert into dossiers (id, code, procedure_id, procedure_version_id, applicant_id, receiving_agency_id,
        competent_agency_id, status, outcome, channel, applicant_name, form_data, submitted_at, accepted_at, due_at,
        finished_at, returned_at, clock_stopped_at, supplement_count, version, created_at, updated_at)
      select d.id,
        case when d.submitted is null then null else
          ra.code || '-' || to_char(d.submitted at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' ||
          lpad((row_number() over (partition by d.receiving, (d.submitted at time zone 'Asia/Ho_Chi_Minh')::date order by d.submitted, d.n))::text, 4, '0') end,
        d.procedure_id, d.version_id, md5('user' || d.applicant)::uuid, ra.id, ca.id, d.status,
        case when d.status in ('done', 'returned') then case when d.r3 < 0.97 then 'approved' else 'denied' end end,
        case when d.r2 < 0.7 then 2 when d.r2 < 0.98 then 1 else 3 end,
        'Công dân số ' || d.applicant, '{}'::jsonb,
        d.submitted, d.accepted, d.due,
        case when d.status in ('done', 'returned', 'refused', 'stopped') then d.finished end,
        d.returned,
        case when d.status = 'supplement_requested' then d.accepted + (now() - d.accepted) * 0.6 end,
        case when d.had_supplement then 1 else 0 end,
        -- 1 + the events written below, one per condition there
        1 + (d.status <> 'draft')::int + (d.status = 'refused')::int + (d.status = 'withdrawn')::int
          + (d.accepted is not null)::int + (d.accepted is not null and d.status <> 'received')::int
          + 2 * d.had_supplement::int + (d.status = 'supplement_requested')::int
          + (d.status in ('proposed', 'done', 'returned'))::int + (d.status in ('done', 'returned'))::int
          + (d.status = 'returned')::int + (d.status = 'stopped')::int,
        d.created, now()
      from scale_dossier d join scale_agency ra on ra.i = d.receiving join scale_agency ca on ca.i = d.competent`,
    );
  });

  await phase("dossier events and clock stops", async () => {
    // Each dossier's history, in order, from the facts above (actions as lib/dossiers/rules.ts names them).
    // Left without the hash chain (prev_hash, hash null): hashing five million events in Node would
    // double the run, and the chain is not what this bench measures. `npm run audit:verify` reports
    // them as "no hash"; a portal started on this database chains them first (db/chain.ts), slowly.
    await timed(
      "insert the events",
      `
      insert into dossier_events (dossier_id, at, action, from_status, to_status, details)
      select d.id, e.at, e.action, e.from_status, e.to_status, e.details
      from (select s.*, coalesce(s.finished, now()) as until,
                   case when s.status = 'supplement_requested' then s.accepted + (now() - s.accepted) * 0.6 end as stop_at
            from scale_dossier s where s.status <> 'draft') d
      cross join lateral (values
        (1, d.submitted, 'submit', 'draft', 'submitted', null::jsonb, true),
        (2, d.finished, 'refuse', 'submitted', 'refused', null, d.status = 'refused'),
        (3, d.finished, 'withdraw', 'submitted', 'withdrawn', null, d.status = 'withdrawn' and d.accepted is null),
        (4, d.accepted, 'accept', 'submitted', 'received', jsonb_build_object('dueAt', d.due), d.accepted is not null),
        (5, d.accepted + (d.until - d.accepted) * 0.1, 'assign', 'received', 'in_progress', null,
            d.accepted is not null and d.status <> 'received'),
        (6, d.accepted + (d.until - d.accepted) * 0.3, 'request_supplement', 'in_progress', 'supplement_requested', null,
            d.had_supplement),
        (7, d.accepted + (d.until - d.accepted) * 0.3 + interval '3 days', 'supplement', 'supplement_requested', 'in_progress', null,
            d.had_supplement),
        (8, d.stop_at, 'request_supplement', 'in_progress', 'supplement_requested', null, d.status = 'supplement_requested'),
        (9, d.accepted + (d.until - d.accepted) * 0.8, 'propose', 'in_progress', 'proposed', null,
            d.status in ('proposed', 'done', 'returned')),
        (10, d.finished, case when d.r3 < 0.97 then 'approve' else 'deny' end, 'proposed', 'done', null, d.status in ('done', 'returned')),
        (11, d.returned, 'return_result', 'done', 'returned', null, d.status = 'returned'),
        (12, d.finished, 'stop', 'in_progress', 'stopped', null, d.status = 'stopped'),
        (13, d.finished, 'withdraw', 'in_progress', 'withdrawn', null, d.status = 'withdrawn' and d.accepted is not null)
      ) e(ord, at, action, from_status, to_status, details, happened)
      where e.happened`,
    );
    await client.query(`
      insert into dossier_clock_stops (dossier_id, reason, started_at, ended_at)
      select id, 'supplement', accepted + (coalesce(finished, now()) - accepted) * 0.3,
             accepted + (coalesce(finished, now()) - accepted) * 0.3 + interval '3 days'
      from scale_dossier where had_supplement
      union all
      select id, 'supplement', accepted + (now() - accepted) * 0.6, null
      from scale_dossier where status = 'supplement_requested'`);
  });

  await phase("indexes and statistics", async () => {
    await client.query(`set session_replication_role = origin`);
    const { rows } = await client.query<{ definition: string }>(`select definition from scale_index`);
    for (const { definition } of rows)
      await timed(definition.replace(/^CREATE (UNIQUE )?INDEX (\S+).*$/, "$2"), definition);
    await client.query(`drop table scale_index, scale_dossier, scale_procedure, scale_agency`);
    await client.query(`vacuum (analyze) dossiers`);
    await client.query(`vacuum (analyze) dossier_events`);
    await client.query(`vacuum (analyze) dossier_clock_stops`);
    await client.query(`analyze`);
  });
}

/** The agency whose queue is the longest, and the applicant with the most dossiers. */
export async function busiest(
  client: Client,
): Promise<{ agencyId: string; agencyCode: string; applicantId: string }> {
  const {
    rows: [agency],
  } = await client.query<{ id: string; code: string }>(`
    select a.id, a.code from agencies a join (
      select agency_id, count(*) as n from (
        select receiving_agency_id as agency_id from dossiers where status <> 'draft'
        union all
        select competent_agency_id from dossiers where status <> 'draft' and competent_agency_id <> receiving_agency_id
      ) queue group by agency_id
    ) q on q.agency_id = a.id
    order by q.n desc limit 1`);
  const {
    rows: [applicant],
  } = await client.query<{ applicant_id: string }>(
    `select applicant_id from dossiers group by applicant_id order by count(*) desc limit 1`,
  );
  return { agencyId: agency!.id, agencyCode: agency!.code, applicantId: applicant!.applicant_id };
}

/** What was generated, for the bench's header. */
export async function describeData(client: Client, target: { agencyId: string; applicantId: string }) {
  const count = async (text: string, values: unknown[] = []) =>
    Number((await client.query<{ n: string }>(text, values)).rows[0]!.n);
  return {
    dossiers: await count(`select count(*) as n from dossiers`),
    events: await count(`select count(*) as n from dossier_events`),
    clockStops: await count(`select count(*) as n from dossier_clock_stops`),
    applicants: await count(`select count(*) as n from users`),
    procedures: await count(`select count(*) as n from procedures`),
    agencies: await count(`select count(*) as n from agencies`),
    busiestAgency: await count(
      `select count(*) as n from dossiers where status <> 'draft'
       and (receiving_agency_id = $1 or competent_agency_id = $1)`,
      [target.agencyId],
    ),
    busiestAgencyOpen: await count(
      `select count(*) as n from dossiers where status in
         ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment', 'done')
       and (receiving_agency_id = $1 or competent_agency_id = $1)`,
      [target.agencyId],
    ),
    heaviestApplicant: await count(`select count(*) as n from dossiers where applicant_id = $1`, [
      target.applicantId,
    ]),
    statuses: (
      await client.query<{ status: string; n: string }>(
        `select status, count(*) as n from dossiers group by status order by count(*) desc`,
      )
    ).rows.map((row) => `${row.status} ${Number(row.n).toLocaleString("en")}`),
  };
}

/** Sample dossier codes for the public lookup, spread over the years. */
export async function sampleCodes(client: Client, count: number): Promise<string[]> {
  const { rows } = await client.query<{ code: string }>(
    `select code from dossiers tablesample system (1) where code is not null limit $1`,
    [count],
  );
  return rows.map((row) => row.code);
}

export type CapturedQuery = { text: string; values: unknown[] };

/**
 * Records the statements the portal's own pool sends while `work` runs (node-postgres' Client is
 * what its Pool hands out), so the plans printed are those of the real service calls.
 */
export async function captureQueries(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const pg = await import("pg");
  const prototype = pg.default.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const captured: CapturedQuery[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string")
      captured.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[] };
      // drizzle sends its prepared statements as (config without values, values)
      captured.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement: its plan nodes and the execution time. */
export async function explainSummary(client: Client, query: CapturedQuery): Promise<string[]> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(
    `explain (analyze, buffers, costs off) ${query.text}`,
    query.values,
  );
  const lines = rows.map((row) => row["QUERY PLAN"]);
  const nodes = lines.filter(
    (line, index) => index === 0 || /->/.test(line) || /Index Cond|Execution Time|Planning Time/.test(line),
  );
  const buffers = lines.find((line) => /Buffers:/.test(line));
  return [
    ...nodes.slice(0, 40),
    ...(nodes.length > 40 ? [`  … ${nodes.length - 40} more plan lines`] : []),
    ...(buffers ? [`  total ${buffers.trim()}`] : []),
  ];
}
