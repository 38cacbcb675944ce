// The settings the claimlint server reads, built from the `claimlint.*`
// configuration. Pure (no `vscode` import), so it is tested under plain Node.

import * as os from "os";
import * as path from "path";

/** Keys of the "claimlint" section that the server reads. */
export const SERVER_KEYS = ["article", "claims", "severity", "disable", "plaintext"] as const;

/**
 * The settings as sent to the server: paths made absolute, empty paths left
 * out (the server takes an empty path for a file it cannot read).
 */
export interface ServerSettings {
  article?: string;
  claims?: string;
  severity: Record<string, string>;
  disable: string[];
  plaintext: boolean;
}

/** Reads one `claimlint.*` setting (VS Code's `WorkspaceConfiguration.get`). */
export type Getter = <T>(key: string, fallback: T) => T;

/** Expands `~` and `${workspaceFolder}`; makes a relative path absolute from the workspace folder. */
export function resolvePath(value: string, folder: string | undefined, home: string = os.homedir()): string {
  let p = (value ?? "").trim();
  if (!p) return "";
  if (folder) p = p.replace(/\$\{workspaceFolder\}/g, folder);
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) p = path.join(home, p.slice(1));
  if (!path.isAbsolute(p) && folder) p = path.join(folder, p);
  return path.normalize(p);
}

export function serverSettings(get: Getter, folder: string | undefined, home?: string): ServerSettings {
  return {
    article: resolvePath(get<string>("article", ""), folder, home) || undefined,
    claims: resolvePath(get<string>("claims", ""), folder, home) || undefined,
    severity: { ...get<Record<string, string>>("severity", {}) },
    disable: [...get<string[]>("disable", [])],
    plaintext: get<boolean>("plaintext", false),
  };
}
