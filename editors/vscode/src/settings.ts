// The settings the claimlint server reads, built from the `claimlint.*`
// configuration. Pure (no `vscode` import), so it is tested under plain Node.

import * as os from "os";
import * as path from "path";

/** Keys of the "claimlint" section that the server reads. */
export const SERVER_KEYS = ["article", "claims", "severity", "disable", "plaintext"] as const;

/**
 * The settings as sent to the server: paths made absolute, an empty path as
 * `null` (the server merges settings key by key: `null` unsets a key, a key
 * left out would keep its old value).
 */
export interface ServerSettings {
  article: string | null;
  claims: string | null;
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
    article: resolvePath(get<string>("article", ""), folder, home) || null,
    claims: resolvePath(get<string>("claims", ""), folder, home) || null,
    severity: { ...get<Record<string, string>>("severity", {}) },
    disable: [...get<string[]>("disable", [])],
    plaintext: get<boolean>("plaintext", false),
  };
}

/** The default of `claimlint.include`: notes kept in a `notes` folder. */
export const DEFAULT_INCLUDE = ["**/notes/**/*.md"];

/**
 * A glob (`**` any folders, `*` and `?` within a name, `{a,b}` either) as a
 * regular expression over a `/`-separated relative path.
 */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` matches zero or more folders; a trailing `**` anything.
      if (glob[i + 2] === "/") {
        re += "(?:[^/]*/)*";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "{") re += "(?:";
    else if (c === "}") re += ")";
    else if (c === ",") re += "|";
    else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * Does claimlint apply to this Markdown file? When a `.claimlint.toml` is in
 * its folder or one above it (up to the workspace folder), or when its path
 * relative to the workspace folder matches a `claimlint.include` glob.
 * `hasSettings(dir)` says whether `dir` holds a `.claimlint.toml`.
 */
export function applies(
  file: string,
  folder: string | undefined,
  include: readonly string[],
  hasSettings: (dir: string) => boolean,
): boolean {
  if (!/\.(md|markdown)$/i.test(file)) return false;
  const top = folder ? path.resolve(folder) : path.parse(file).root;
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (hasSettings(dir)) return true;
    if (dir === top || path.dirname(dir) === dir) break;
  }
  const rel = (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join("/");
  if (rel.startsWith("../")) return false;
  return include.some((g) => globToRegExp(g.trim()).test(rel));
}
