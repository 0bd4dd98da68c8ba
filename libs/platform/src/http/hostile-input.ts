import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { says } from '@civicflow/contracts';

/** Deepest nesting a JSON body may have: every CivicFlow body is a few levels deep; thousands crash parsers and validators. */
export const MAX_BODY_DEPTH = 32;

/**
 * Characters no text field may hold: C0 controls other than tab, line feed and carriage return (NUL among them),
 * DEL and the C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * that make "gpj.exe" read as "exe.jpg" on someone else's screen.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export interface InputProblem {
  field: string;
  code: 'forbidden_character' | 'too_deep';
  /** In both languages (`says`): the error filter answers the caller's. */
  reason: string;
}

/** What is wrong with a character, by code point (the character itself may not print). */
function forbidden(field: string, text: string, inKey = false): InputProblem {
  const codePoint = `U+${FORBIDDEN_TEXT.exec(text)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const [zh, en] = [`含有控制字符或双向字符 ${codePoint}`, `contains the control or bidirectional character ${codePoint}`];
  return { field, code: 'forbidden_character', reason: inKey ? says(`键名${zh}`, `the key ${en}`) : says(zh, en) };
}

/**
 * The first problem of a parsed JSON value: nesting deeper than `maxDepth`, or a forbidden character in a string
 * or a key. Walks iteratively, so a hostile depth cannot overflow the stack here either.
 */
export function findHostileInput(value: unknown, maxDepth = MAX_BODY_DEPTH): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (FORBIDDEN_TEXT.test(current)) return forbidden(path || '(body)', current);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { field: path || '(body)', code: 'too_deep', reason: says(`嵌套超过 ${maxDepth} 层`, `nested deeper than ${maxDepth} levels`) };
    const entries = Array.isArray(current) ? current.map((v, i) => [String(i), v] as const) : Object.entries(current);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_TEXT.test(key)) return forbidden(childPath, key, true);
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Express middleware after the JSON parser: a body nested too deep or text with control or bidi characters (in
 * the body or the query) is a 400 naming the field, before any handler, validator or workflow sees it.
 */
export function refuseHostileInput(req: Request, _res: Response, next: NextFunction): void {
  const problem = findHostileInput(req.body) ?? queryProblem(req);
  if (!problem) return next();
  next(new BadRequestException({ message: '请求含有不允许的内容 the request holds input that is not allowed', errors: [problem] }));
}

function queryProblem(req: Request): InputProblem | undefined {
  const raw = req.url.split('?')[1];
  if (!raw) return undefined;
  for (const [key, value] of new URLSearchParams(raw)) {
    if (FORBIDDEN_TEXT.test(key) || FORBIDDEN_TEXT.test(value)) return forbidden(`query.${key.replace(FORBIDDEN_TEXT, '?')}`, FORBIDDEN_TEXT.test(key) ? key : value, FORBIDDEN_TEXT.test(key));
  }
  return undefined;
}
