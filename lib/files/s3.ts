/**
 * Attachment bytes in an S3-compatible store (AWS S3, MinIO, Ceph, Viettel/FPT object storage…)
 * through the AWS SDK v3 client. Settings: S3_BUCKET (turns it on), S3_ENDPOINT (for a store other
 * than AWS), S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE (default on
 * when S3_ENDPOINT is set: most self-hosted stores want bucket names in the path).
 */
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { StorageAdapter } from "./storage";

export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** a prefix for every key ("portal/"), so one bucket can hold other things too */
  prefix?: string;
};

export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error("S3_BUCKET is not set");
  const endpoint = env.S3_ENDPOINT || undefined;
  const pathStyle = env.S3_FORCE_PATH_STYLE;
  return {
    bucket,
    endpoint,
    region: env.S3_REGION || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: pathStyle === undefined || pathStyle === "" ? Boolean(endpoint) : pathStyle !== "0",
    prefix: env.S3_PREFIX || undefined,
  };
}

export function s3Storage(settings: S3Settings): StorageAdapter {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (key: string) => `${settings.prefix ?? ""}${key}`;
  return {
    kind: "s3",
    async put(key, bytes, mediaType) {
      // One PUT: the object appears whole or not at all.
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(key), Body: bytes, ContentType: mediaType }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        const body = object.Body;
        if (!body) return null;
        return body instanceof Readable ? body : Readable.from(await body.transformToByteArray());
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a DELETE of a missing key with success.
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
  };
}
