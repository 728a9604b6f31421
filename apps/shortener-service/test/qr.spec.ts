import QRCode from 'qrcode';
import sharp from 'sharp';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { startShortenerStack, SHORT_LINK_BASE_URL, type ShortenerStack } from './shortener-stack';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('QR codes of links', () => {
  let stack: ShortenerStack;
  let token: string;
  let link: { id: string; code: string };

  beforeAll(async () => {
    stack = await startShortenerStack('qr');
    token = (await registerAndLogIn(stack.auth)).accessToken;
    link = (
      await stack.shortener.http
        .post('/api/shortener/v1/links')
        .set('Authorization', `Bearer ${token}`)
        .send({ targetUrl: 'https://example.com/menu' })
        .expect(201)
    ).body;
  });

  afterAll(() => stack.close());

  const qr = (query: Record<string, string | number>, as = token) =>
    stack.shortener.http
      .get(`/api/shortener/v1/links/${link.id}/qr`)
      .query(query)
      .set('Authorization', `Bearer ${as}`);

  it('draws an SVG by default, of the size asked for, whose root element is <svg>', async () => {
    const response = await qr({ size: 300 }).expect(200);

    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (response.body as Buffer).toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*>.*<\/svg>\s*$/s);
    expect(svg).toMatch(/^<svg [^>]*width="300" height="300"/);
  });

  it('draws a PNG that is an image of exactly the size asked for', async () => {
    const response = await qr({ format: 'png', size: 200 }).expect(200);

    expect(response.headers['content-type']).toBe('image/png');
    const png = response.body as Buffer;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 200, height: 200 });
  });

  it("encodes the link's short URL: the very drawing qrcode makes of it", async () => {
    const shortUrl = `${SHORT_LINK_BASE_URL}/${link.code}`;
    const expected = await QRCode.toString(shortUrl, {
      type: 'svg',
      width: 256,
      margin: 4,
      errorCorrectionLevel: 'M',
    });

    expect(((await qr({}).expect(200)).body as Buffer).toString('utf8')).toBe(expected);
  });

  it.each([
    ['a size below 128', { size: 127 }],
    ['a size above 1024', { size: 1025 }],
    ['a size that is not a whole number', { size: '12.5' }],
    ['a format other than svg or png', { format: 'gif' }],
  ])('refuses %s with 422', async (_case, query) => {
    const response = await stack.shortener.http
      .get(`/api/shortener/v1/links/${link.id}/qr`)
      .query(query)
      .set('Authorization', `Bearer ${token}`)
      .expect(422);

    expect(response.body.code).toBe('validation_failed');
  });

  it("answers 404 for someone else's link, and 401 without a token", async () => {
    const stranger = (await registerAndLogIn(stack.auth)).accessToken;

    await qr({}, stranger).expect(404);
    await stack.shortener.http.get(`/api/shortener/v1/links/${link.id}/qr`).expect(401);
  });
});
