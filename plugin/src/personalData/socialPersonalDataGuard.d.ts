// Types of the personal-data detector the reply composer uses: force-app's LWC module
// socialPersonalDataGuard.js, the one source of the detector. The build copies that file beside
// this one in lib/ (scripts/pluginPersonalDataGuard.mjs); jest maps it to the same file. No copy of
// its code lives in the plugin's sources.

export interface PersonalDataFinding {
  kind: string;
  text: string;
  start: number;
  end: number;
}

export declare const PERSONAL_DATA_KIND: Readonly<Record<string, string>>;
export declare function findPersonalData(text: unknown): PersonalDataFinding[];
export declare function passesLuhn(digits: string): boolean;
export declare function passesIbanChecksum(iban: string): boolean;
export declare function maskedText(finding: PersonalDataFinding): string;
