import type { MaterialRef, MaterialRelations } from '#shared/schemas/relations';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { MaterialBrief } from '../../storage/relations-store';
import { contentRelations, heldFingerprints } from './relate-service';

const SAME_SITE_LIMIT = 50;

const refOf = ({ id, url, title, status, registrableDomain }: MaterialBrief): MaterialRef => ({
  id,
  url,
  title,
  status,
  registrableDomain: registrableDomain || null,
});

/** How a material relates to others: its site's other materials, same content, mirror, duplicates. */
export async function materialRelations(
  storage: Pick<Storage, 'relations' | 'review' | 'dataDir'>,
  materialId: string,
): Promise<MaterialRelations> {
  const file = await storage.review.materialFile(materialId);
  if (!file) throw new ApiError('not_found', 'No such material.');
  const { material } = file;
  const domain = material.registrableDomain || null;
  const prints = await heldFingerprints(storage, materialId);
  const [sameContent, sameSite, duplicates, named] = await Promise.all([
    contentRelations(storage, materialId, prints),
    domain ? storage.relations.sameSite(domain, materialId, SAME_SITE_LIMIT) : [],
    storage.relations.duplicatesOf(materialId),
    storage.relations.briefs(
      [material.possibleMirrorOf, material.duplicateOf].filter((id): id is string => !!id),
    ),
  ]);
  const ref = (id: string | null) => {
    const found = id ? named.find((m) => m.id === id) : undefined;
    return found ? refOf(found) : null;
  };
  return {
    registrableDomain: domain,
    possibleMirrorOf: ref(material.possibleMirrorOf),
    duplicateOf: ref(material.duplicateOf),
    duplicates: duplicates.map(refOf),
    sameContent: sameContent.map(({ signal, similarity, ...m }) => ({
      ...refOf(m),
      signal,
      similarity: Math.round(similarity * 100) / 100,
    })),
    sameSite: sameSite.map(refOf),
  };
}
