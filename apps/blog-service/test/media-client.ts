import sharp from 'sharp';
import type request from 'supertest';
import type { RealWorldUser } from './realworld-client';

type Agent = ReturnType<typeof request>;

export interface RequestedUpload {
  mediaId: string;
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
  expiresAt: string;
}

export const bearer = (user: Pick<RealWorldUser, 'token'>) => `Bearer ${user.token}`;

/** A picture of `width` × `height` with something in it, so every resize has work to do. */
export function picture(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg',
): Promise<Buffer> {
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#264653"/>` +
      `<rect width="50%" height="100%" fill="#e9c46a"/></svg>`,
  );
  return sharp(stripes).toFormat(format).toBuffer();
}

/** Asks for an upload URL; expects 201 unless told otherwise. */
export async function requestUpload(
  api: Agent,
  owner: RealWorldUser,
  // Loosely typed: the refusal tests send purposes and sizes no client should.
  intent: { purpose: string; contentType: string; byteSize: number },
  status = 201,
) {
  return api
    .post('/api/blog/v1/media/uploads')
    .set('Authorization', bearer(owner))
    .send(intent)
    .expect(status);
}

/** PUTs the bytes to the presigned URL as a browser would: no token, the signed headers. */
export function putFile(
  { upload }: RequestedUpload,
  bytes: Buffer,
  headers: Record<string, string> = upload.headers,
): Promise<Response> {
  return fetch(upload.url, { method: upload.method, headers, body: new Uint8Array(bytes) });
}

export function confirm(api: Agent, owner: RealWorldUser, mediaId: string) {
  return api.post(`/api/blog/v1/media/${mediaId}/confirm`).set('Authorization', bearer(owner));
}

export function mediaOf(api: Agent, owner: RealWorldUser, mediaId: string) {
  return api.get(`/api/blog/v1/media/${mediaId}`).set('Authorization', bearer(owner));
}

/** Request, PUT and confirm: the three steps of a client that does everything right. */
export async function upload(
  api: Agent,
  owner: RealWorldUser,
  purpose: 'cover' | 'avatar',
  bytes: Buffer,
  contentType: string,
): Promise<string> {
  const { body } = await requestUpload(api, owner, {
    purpose,
    contentType,
    byteSize: bytes.length,
  });
  const requested = body as RequestedUpload;
  const stored = await putFile(requested, bytes);
  if (!stored.ok) throw new Error(`the store refused the upload: ${stored.status}`);
  await confirm(api, owner, requested.mediaId).expect(202);
  return requested.mediaId;
}

/** Follows a media link (a redirect to object storage) to the image's bytes. */
export async function followImageLink(api: Agent, link: string): Promise<Buffer> {
  const redirect = await api.get(link).expect(302);
  const image = await fetch(redirect.headers.location);
  if (!image.ok) throw new Error(`the store answered ${image.status} for ${link}`);
  return Buffer.from(await image.arrayBuffer());
}
