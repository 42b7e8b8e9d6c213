"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { readerPath } from "@/lib/http/readerPath";

/** Main navigation; marks the section of the current page, also after client-side navigation. */
export function NavLinks({ items }: { items: { href: string; text: string }[] }) {
  const pathname = readerPath(usePathname() ?? "");
  return (
    <ul>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={pathname === item.href || pathname.startsWith(`${item.href}/`) ? "page" : undefined}
          >
            {item.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}
