/**
 * A collection's structure (field keys and types) and permissions, from @wix/data's Data
 * Collections API (`collections.getDataCollection`, elevated: the site's own rights read the
 * full collection, permissions included). A collection that does not exist is null.
 */
import { auth } from '@wix/essentials';
import { collections } from '@wix/data';
import { Failure } from '../runtime/failure.js';
import type { CollectionSchema, CollectionSchemaPort } from '../setup/ports.js';
import { httpStatus, requireWixContext, wixErrorCode } from './sdk-errors.js';

export function wixCollectionSchemas(): CollectionSchemaPort {
  return {
    async get(collectionId) {
      let collection: collections.DataCollection;
      try {
        collection = requireWixContext(await auth.elevate(collections.getDataCollection)(collectionId));
      } catch (error) {
        if (error instanceof Failure) throw error;
        const status = httpStatus(error);
        // WDE0025: "The collection does not exist" (https://dev.wix.com/docs/sdk/backend-modules/data/error-codes).
        if (status === 404 || wixErrorCode(error) === 'WDE0025') return null;
        if (status === 401 || status === 403) throw new Failure('MISCONFIGURED', 'collections-forbidden');
        throw new Failure('UPSTREAM_UNAVAILABLE', 'collections-error');
      }
      const schema: CollectionSchema = {
        fields: (collection.fields ?? []).flatMap((field) => (typeof field.key === 'string' ? [{ key: field.key, type: String(field.type ?? '') }] : [])),
      };
      const permissions = collection.permissions;
      if (permissions) schema.permissions = { read: permissions.read, insert: permissions.insert, update: permissions.update, remove: permissions.remove };
      return schema;
    },
  };
}
