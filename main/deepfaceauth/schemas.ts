import { z } from 'zod';

// Response shapes from deepfaceauth-api.md. Unknown extra fields are tolerated (vendors add
// fields), but every field the kiosk reads must be there with the right type.

const okStatus = z.string().regex(/^200\b/, 'status is not "200 OK"');
const text = z.string().max(4096);

export const loginResponseSchema = z.object({
  // Sent back as a header value: printable ASCII only.
  accessToken: z.string().min(8).max(4096).regex(/^[\x21-\x7e]+$/, 'accessToken has characters a header cannot carry'),
  status: okStatus,
  message: text.optional(),
});

export const logoutResponseSchema = z.object({ status: okStatus, message: text.optional() });

export const userDetailsResponseSchema = z.object({
  userName: z.string().min(1).max(256),
  fullName: z.string().max(256),
  emailId: z.string().max(256),
  phoneNumber: z.string().max(64),
  countryCode: z.string().max(16).optional().default(''),
  enrollmentUrl: z.string().max(2048).optional().default(''),
  message: text.optional(),
  status: okStatus,
});

export const updateUserResponseSchema = z.object({
  status: okStatus,
  message: text.optional().default(''),
  // The update was applied whatever this holds: a link that is absent, empty or not an
  // http(s) URL is no link (the face stays pending), never a reason to doubt the update.
  // Whether the kiosk may open a usable one is the backend's decision (enrollmentOrigins).
  reEnrollmentUrl: z.unknown().optional().transform(usableLink),
});

/** The link as the vendor sent it (trimmed), or undefined when it is no http(s) URL. */
function usableLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const link = value.trim();
  if (link.length === 0 || link.length > 2048 || !URL.canParse(link)) return undefined;
  return /^https?:$/.test(new URL(link).protocol) ? link : undefined;
}

export const enrollmentStatusResponseSchema = z.object({
  userName: z.string().max(256).optional().default(''),
  // The documented values, in any letter case ("Success", "DRAFT").
  enrollmentStatus: z
    .string()
    .max(32)
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['success', 'failure', 'draft'])),
  message: text.optional().default(''),
  status: okStatus,
});

/** A page number or count the vendor documents as Int but shows as a string ("2"). */
const pageNumber = z
  .union([z.number(), z.string().trim().regex(/^\d{1,9}$/)])
  .transform((v) => Number(v))
  .pipe(z.number().int().nonnegative().max(1_000_000_000));

/** One row of the status-of-all-users answer: only the user name is read; a row without a usable one is skipped. */
const statusRowUserName = z
  .unknown()
  .transform((row) => {
    const name = typeof row === 'object' && row !== null && 'userName' in row ? (row as { userName: unknown }).userName : undefined;
    return typeof name === 'string' && name.length > 0 && name.length <= 256 ? name : null;
  });

/**
 * `POST /status/enroll/all`, read defensively (the docs' own example is not valid JSON): the
 * page fields as numbers or strings, absent ones as unknown; rows read for their user name
 * only (faces, e-mail and phone are never kept); a missing `data` is an empty page.
 */
export const enrollmentStatusAllResponseSchema = z.object({
  status: okStatus,
  message: text.optional(),
  currentStatusPageNumber: pageNumber.optional(),
  totalStatusPageNumber: pageNumber.optional(),
  data: z
    .array(statusRowUserName)
    .max(1000)
    .optional()
    .default([])
    .transform((names) => names.filter((n): n is string => n !== null)),
});

/** The documented error envelope (HTTP 400 with an `error` object), loosely read. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    status: z.union([z.string(), z.number()]).optional(),
  }),
});

export type UserDetails = z.infer<typeof userDetailsResponseSchema>;
export type UpdateUserResponse = z.infer<typeof updateUserResponseSchema>;
export type EnrollmentStatusResponse = z.infer<typeof enrollmentStatusResponseSchema>;
export type EnrollmentStatusAllResponse = z.output<typeof enrollmentStatusAllResponseSchema>;
