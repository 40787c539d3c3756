// Limits a deploy enforces beyond the shape of each element: field history on at most 20 fields per
// object, and API names of at most 40 characters before the __c suffix (objects and fields).
import type { ForceAppMetadata } from './metadata.js';

/** Salesforce Help, "Field History Tracking": up to 20 fields per object. */
export const MAX_TRACKED_FIELDS = 20;
/** Salesforce Help, "Custom Field Attributes" / "Create a Custom Object": API names up to 40 characters. */
export const MAX_API_NAME = 40;

export function checkDeployLimits(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const object of metadata.objects.values()) {
    const objectName = object.name.replace(/__c$/, '');
    if (objectName.length > MAX_API_NAME) {
      problems.push(
        `object ${object.name}: the name has ${objectName.length} characters before __c; the limit is ${MAX_API_NAME}`,
      );
    }
    const tracked = [...object.fields.values()].filter((field) => field.trackHistory);
    if (tracked.length > MAX_TRACKED_FIELDS) {
      problems.push(
        `object ${object.name} tracks history on ${tracked.length} fields; a deploy allows ${MAX_TRACKED_FIELDS}: turn trackHistory off on ${tracked.length - MAX_TRACKED_FIELDS}`,
      );
    }
    if (tracked.length > 0 && !object.enableHistory) {
      problems.push(`object ${object.name} tracks field history but has no <enableHistory>true</enableHistory>`);
    }
    for (const field of object.fields.values()) {
      const fieldName = field.name.replace(/__c$/, '');
      if (fieldName.length > MAX_API_NAME) {
        problems.push(
          `field ${object.name}.${field.name}: the name has ${fieldName.length} characters before __c; the limit is ${MAX_API_NAME}`,
        );
      }
    }
  }
  return problems;
}
