import { Globe, Link2, Lock, type LucideIcon } from "lucide-react";
import type { VisibilityName } from "@/lib/api/annotations";

export const VISIBILITY_CHOICES: Array<{ value: VisibilityName; label: string; description: string; Icon: LucideIcon }> = [
  { value: "private", label: "Private", description: "Only you", Icon: Lock },
  { value: "link", label: "Link", description: "Anyone with the link, not listed", Icon: Link2 },
  { value: "public", label: "Public", description: "Listed to every reader", Icon: Globe },
];

export function visibilityChoice(value: VisibilityName) {
  return VISIBILITY_CHOICES.find((choice) => choice.value === value) ?? VISIBILITY_CHOICES[0]!;
}

export function visibilityNotice(value: VisibilityName): string {
  switch (value) {
    case "private":
      return "Only you can see this now.";
    case "link":
      return "Anyone with the link can see this now.";
    case "public":
      return "Every reader of this article can see this now.";
  }
}
