/**
 * The one definition of a framework code, as provinces write them: dot-separated segments of
 * digits or letters ("1.2.3", "1.1.a", "II.3"). Every schema that names a criterion uses it.
 */
import * as z from 'zod/mini';

export const frameworkCodePattern = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

/** A framework code; `example` only shapes the message ("such as …"). */
export const frameworkCode = (example = '1.1.a') =>
  z.string().check(z.regex(frameworkCodePattern, `must be dot-separated digits or letters such as "${example}"`));
