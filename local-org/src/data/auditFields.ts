// The system fields every record carries from the moment it is created (SOAP API Developer Guide,
// "System Fields"): one place, so a User row, the Organization row and a created record agree.

export interface AuditFields {
  IsDeleted: false;
  CreatedDate: string;
  CreatedById: string;
  LastModifiedDate: string;
  LastModifiedById: string;
  SystemModstamp: string;
}

/** A new record's audit fields: created and last modified at `stamp` by `userId`. */
export function auditFields(stamp: string, userId: string): AuditFields {
  return {
    IsDeleted: false,
    CreatedDate: stamp,
    CreatedById: userId,
    LastModifiedDate: stamp,
    LastModifiedById: userId,
    SystemModstamp: stamp,
  };
}
