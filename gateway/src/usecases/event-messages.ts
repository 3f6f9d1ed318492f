// Which NCTS messages a ledger event stands for (spec §6), so a movement's page can list the messages
// exchanged. Event names come from the chaincode (MovementDeclared, MovementReleased, BorderCrossed …);
// they are matched by their stem so a renamed suffix does not lose the mapping.
const RULES: [RegExp, string[]][] = [
  [/Declared/, ['IE015', 'IE928', 'IE028']],
  [/Presented/, ['IE170', 'IE028']],
  [/GuaranteeInvalid/, ['IE055']],
  [/ReleaseRefused|NotReleased|Refused/, ['IE051']],
  [/Released/, ['IE029', 'IE001', 'IE050']],
  [/Control(led)?Decided|UnderControl|ControlDecision/, ['IE060']],
  [/Cross/, ['IE118']],
  [/Incident/, ['IE180', 'IE182']],
  [/Arriv/, ['IE007', 'IE006']],
  [/Unloading(Permission|Granted)|UnloadingPermitted/, ['IE043']],
  [/UnloadingRemarks|Remarks/, ['IE044']],
  [/ControlResults|Controlled/, ['IE018', 'IE025']],
  [/DiscrepanciesResolved|Resolved/, ['IE049']],
  [/Discrepanc/, ['IE019']],
  [/WrittenOff|WriteOff/, ['IE045']],
  [/EnquiryAnswered|Answer/, ['IE141', 'IE143']],
  [/Enquiry/, ['IE140', 'IE142']],
  [/RecoveryStarted|Recovery$/, ['IE035', 'IE023']],
  [/Recovered/, []],
  [/Amended|Amend/, ['IE013', 'IE004']],
  [/CancellationRequested|Cancelled/, ['IE014', 'IE009']],
  [/Invalidated/, ['IE009']],
];

export function messagesOfEvent(eventName: string): string[] {
  return RULES.find(([re]) => re.test(eventName))?.[1] ?? [];
}
