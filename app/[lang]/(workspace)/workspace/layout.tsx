import { getT, resolveSegment } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { isWorkspaceMember } from "@/lib/meetings/access";
import { WorkspaceNav } from "@/components/workspace/WorkspaceNav";

/**
 * The officials' workspace: its own navigation for members of a deciding body. Each page checks the
 * member itself (requireMember); for anyone else the nav is not shown, so a 404 here says nothing.
 */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const segment = await resolveSegment(params);
  const actor = segment.personal ? await getActor() : ({ kind: "anonymous" } as const);
  const member = actor.kind === "staff" && (await isWorkspaceMember(actor));
  const t = await getT(segment.lang, "workspace");
  return (
    <div className="workspace">
      {member ? <WorkspaceNav lang={segment.lang} t={t} /> : null}
      {children}
    </div>
  );
}
