// SOAP 1.1 envelopes of the partner API (urn:partner.soap.sforce.com): reading a request's session
// header and call, writing a call's response or a fault. Shapes from the SOAP API Developer Guide
// ("SessionHeader", "convertLead()", "LeadConvertResult", "API Fault Element"), and as jsforce 3's
// SOAP client (lib/soap.js) writes and reads them.

import { XMLParser } from 'fast-xml-parser';

export const PARTNER_NAMESPACE = 'urn:partner.soap.sforce.com';

/** A parsed element: text, or child elements by local name (repeated names as arrays). */
export type SoapValue = string | SoapElement | SoapValue[];
export interface SoapElement {
  [name: string]: SoapValue;
}

export interface SoapCall {
  /** The call's element name, e.g. `convertLead`. */
  operation: string;
  args: SoapElement;
  sessionId?: string;
}

export class SoapFault extends Error {
  constructor(
    /** A StatusCode value, e.g. `INVALID_SESSION_ID`, sent as `sf:<code>`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  // soapenv:, urn: and whatever prefix a client chooses all read the same.
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

export function parseSoapCall(body: Buffer): SoapCall {
  let parsed: SoapElement;
  try {
    parsed = parser.parse(body.toString('utf8')) as SoapElement;
  } catch (error) {
    throw new SoapFault('INVALID_XML', `The request is not well-formed XML: ${(error as Error).message}`);
  }
  const envelope = element(parsed.Envelope);
  const bodyElement = element(envelope?.Body);
  if (!envelope || !bodyElement) {
    throw new SoapFault('INVALID_XML', 'The request is not a SOAP envelope with a Body.');
  }
  const [operation] = Object.keys(bodyElement).filter((name) => !name.startsWith('@'));
  if (!operation) {
    throw new SoapFault('INVALID_XML', 'The SOAP Body names no call.');
  }
  const sessionId = element(element(envelope.Header)?.SessionHeader)?.sessionId;
  return {
    operation,
    args: element(bodyElement[operation]) ?? {},
    sessionId: typeof sessionId === 'string' ? sessionId : undefined,
  };
}

/** The session id of a SOAP request (it travels in the envelope, not in an Authorization header). */
export function soapSessionId(body: Buffer): string | undefined {
  try {
    return parseSoapCall(body).sessionId;
  } catch {
    return undefined;
  }
}

function element(value: SoapValue | undefined): SoapElement | undefined {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A child as a list of elements (one element or several repeated ones). */
export function elements(value: SoapValue | undefined): SoapElement[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => element(item) ?? {});
}

/** A child's text; undefined when absent or `xsi:nil="true"`. */
export function text(parent: SoapElement, name: string): string | undefined {
  const value = parent[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  return undefined;
}

/** xsd:boolean: `true`/`1` and `false`/`0`; absent is the WSDL's default, false. */
export function flag(parent: SoapElement, name: string): boolean {
  const value = text(parent, name);
  return value === 'true' || value === '1';
}

/** What a response element holds: text, nil, nested elements, or repeated elements. */
export type XmlContent = string | boolean | null | { [name: string]: XmlContent } | XmlContent[];

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function toXml(name: string, value: XmlContent): string {
  if (Array.isArray(value)) return value.map((item) => toXml(name, item)).join('');
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([child, content]) => toXml(child, content))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function envelope(body: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"',
    ` xmlns="${PARTNER_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    ` xmlns:sf="urn:fault.partner.soap.sforce.com">`,
    `<soapenv:Body>${body}</soapenv:Body>`,
    '</soapenv:Envelope>',
  ].join('');
}

/** `<convertLeadResponse><result>…</result>…</convertLeadResponse>`, one result per request element. */
export function responseXml(operation: string, results: XmlContent[]): string {
  return envelope(toXml(`${operation}Response`, { result: results }));
}

/**
 * A fault as Salesforce sends it, with HTTP 500: `faultcode` `sf:<StatusCode>` and a faultstring
 * that starts with the code (jsforce reads `sf:INVALID_SESSION_ID` to refresh a session).
 */
export function faultXml(fault: SoapFault): string {
  return envelope(
    `<soapenv:Fault><faultcode>sf:${escapeXml(fault.code)}</faultcode>` +
      `<faultstring>${escapeXml(`${fault.code}: ${fault.message}`)}</faultstring></soapenv:Fault>`,
  );
}
