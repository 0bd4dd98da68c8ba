/** A message shown to people in both working languages: zh-CN first, English second. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}
