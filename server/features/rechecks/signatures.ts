import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What marks a page or a connection as blocked in Kazakhstan or restricted by region. The operator
 * may replace the defaults with a JSON file of the same shape (WEBTAGGER_RECHECK_SIGNATURES): block
 * pages change, and so do the addresses DNS answers for blocked names.
 */
export const recheckSignaturesSchema = z
  .object({
    /** Text of the block page shown instead of a blocked resource (case-insensitive). */
    blockPageText: z.array(z.string().min(3)),
    /** Hosts a blocked resource redirects to (the block page's own host). */
    blockPageHosts: z.array(z.string().min(1)),
    /** Addresses DNS answers for blocked names (a sinkhole): blocked, and never connected to. */
    dnsBlockAddresses: z.array(z.string().min(2)),
    /** Whether a connection reset before any answer marks blocking (DPI) or only unreachability. */
    resetMeansBlocked: z.boolean(),
    /** Text of a platform's regional restriction page (case-insensitive). */
    geoRestrictedText: z.array(z.string().min(3)),
  })
  .strict();
export type RecheckSignatures = z.infer<typeof recheckSignaturesSchema>;

export const DEFAULT_SIGNATURES: RecheckSignatures = {
  blockPageText: [
    'доступ к данному ресурсу ограничен',
    'доступ к интернет-ресурсу ограничен',
    'доступ к запрашиваемому ресурсу ограничен',
    'ограничен в соответствии с законодательством республики казахстан',
    'ограничен на основании',
    'бұл ресурсқа қолжетімділік шектелген',
    'қазақстан республикасының заңнамасына сәйкес шектелген',
  ],
  blockPageHosts: [],
  dnsBlockAddresses: ['0.0.0.0', '::'],
  resetMeansBlocked: true,
  geoRestrictedText: [
    'not available in your country',
    'unavailable in your country',
    'withheld in kazakhstan',
    "content isn't available in your country",
    'due to a legal complaint from the government',
    "can't be displayed because it violated local laws",
    'недоступен в вашей стране',
    'недоступно в вашей стране',
    'еліңізде қолжетімсіз',
  ],
};

/** The signatures in force: the operator's file when one is named, else the defaults. */
export function loadSignatures(file: string | undefined): RecheckSignatures {
  if (!file) return DEFAULT_SIGNATURES;
  const parsed = recheckSignaturesSchema.partial().parse(JSON.parse(readFileSync(file, 'utf8')));
  return { ...DEFAULT_SIGNATURES, ...parsed };
}
