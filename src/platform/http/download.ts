import type { FastifyReply } from 'fastify';

/** Sends a file download with a UTF-8 (Chinese) file name (RFC 6266 `filename*`) and an ASCII fallback. */
export function sendDownload(reply: FastifyReply, contentType: string, fileName: string, body: Buffer): FastifyReply {
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="download${ext}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
