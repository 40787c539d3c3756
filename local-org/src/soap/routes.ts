// The partner SOAP API endpoint, `/services/Soap/u/<version>`, where jsforce's `connection.soap`
// sends its calls. The local org answers convertLead(), the one SOAP call the product needs
// (no REST resource converts a Lead); other calls get a fault that says so.

import type { Route, RouteResponse } from '../http/route.js';
import { convertLead, type LeadConvert } from './leadConversion.js';
import {
  elements,
  faultXml,
  flag,
  parseSoapCall,
  responseXml,
  SoapFault,
  text,
  type SoapElement,
  type XmlContent,
} from './envelope.js';

const XML_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8' };

export const SOAP_PATH = /^\/services\/Soap\/u\/(?<version>\d+\.\d)\/?$/;

export function soapFaultResponse(fault: SoapFault): RouteResponse {
  return { status: 500, headers: XML_HEADERS, body: faultXml(fault) };
}

function leadConvertOf(element: SoapElement): LeadConvert {
  return {
    leadId: text(element, 'leadId'),
    convertedStatus: text(element, 'convertedStatus'),
    doNotCreateOpportunity: flag(element, 'doNotCreateOpportunity'),
    accountId: text(element, 'accountId'),
    contactId: text(element, 'contactId'),
    overwriteLeadSource: flag(element, 'overwriteLeadSource'),
  };
}

/** A LeadConvertResult in the WSDL's element order. */
function resultXml(result: ReturnType<typeof convertLead>): XmlContent {
  return {
    accountId: result.accountId,
    contactId: result.contactId,
    errors: result.errors.map((error) => ({
      fields: error.fields,
      message: error.message,
      statusCode: error.statusCode,
    })),
    leadId: result.leadId,
    opportunityId: result.opportunityId,
    success: result.success,
  };
}

export function soapRoutes(now: () => Date = () => new Date()): Route[] {
  return [
    {
      method: 'POST',
      pattern: SOAP_PATH,
      handle(request, ctx) {
        try {
          const call = parseSoapCall(request.body);
          if (call.operation !== 'convertLead') {
            throw new SoapFault(
              'INVALID_OPERATION',
              `The local org's SOAP API answers convertLead() only, not ${call.operation}(); use the REST API.`,
            );
          }
          const requests = elements(call.args.leadConverts);
          if (requests.length === 0 || requests.length > 200) {
            throw new SoapFault('LIMIT_EXCEEDED', 'convertLead() takes from 1 to 200 leadConverts.');
          }
          const today = now().toISOString().slice(0, 10);
          const results = requests.map((element) => convertLead(ctx.store, leadConvertOf(element), today));
          return { status: 200, headers: XML_HEADERS, body: responseXml('convertLead', results.map(resultXml)) };
        } catch (error) {
          if (error instanceof SoapFault) return soapFaultResponse(error);
          throw error;
        }
      },
    },
  ];
}
