"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import styles from "./meetings.module.css";

type Live = {
  version: number;
  status: string;
  present: number;
  voting: { itemId: string; count: { yes: number; no: number; abstain: number; present: number } } | null;
};

/**
 * With JavaScript on, the session page follows the meeting: every few seconds it asks the small
 * JSON route for the meeting's version, and when it moved (a vote cast, the next item, the vote
 * closed) the page's server parts are fetched again. Without JavaScript the page says to reload.
 */
export function LiveSession({
  meetingId,
  version,
  labels,
}: {
  meetingId: string;
  version: number;
  labels: { live: string; refresh: string; yes: string; no: string; abstain: string };
}) {
  const router = useRouter();
  const seen = useRef(String(version));
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    seen.current = String(version);
  }, [version]);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/workspace/meetings/${meetingId}/live`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const state = (await response.json()) as Live;
        setLive(state);
        // A vote cast changes the count, not the meeting's version: either one refreshes the page.
        const count = state.voting?.count;
        const key = count
          ? `${state.version}:${count.yes + count.no + count.abstain}`
          : String(state.version);
        if (key !== seen.current) {
          seen.current = key;
          router.refresh();
        }
      } catch {
        // A missed poll is retried at the next tick.
      }
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void poll();
    }, 4000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [meetingId, router]);
  return (
    <div className={styles.live} aria-live="polite">
      {live?.voting ? (
        <p>
          {labels.live}: {labels.yes} {live.voting.count.yes}, {labels.no} {live.voting.count.no},{" "}
          {labels.abstain} {live.voting.count.abstain}
        </p>
      ) : (
        <noscript>
          <p>{labels.refresh}</p>
        </noscript>
      )}
    </div>
  );
}
