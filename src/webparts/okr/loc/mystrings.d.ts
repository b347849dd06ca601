declare interface IOkrWebPartStrings {
  Title: string;
  Loading: string;
  NoObjectives: string;
  ProgressChartTitle: string;
  ProgressChartSummary: string;
  ProgressChartFile: string;
  QuarterChartTitle: string;
  QuarterChartSummary: string;
  QuarterChartFile: string;
  NoCheckInsYet: string;
  ColumnObjective: string;
  ColumnProgress: string;
  ColumnQuarter: string;
  ColumnKeyResult: string;
  ColumnStart: string;
  ColumnTarget: string;
  ColumnCurrent: string;
  ColumnConfidence: string;
  ColumnActions: string;
  Period: string;
  Owner: string;
  ObjectiveProgress: string;
  NotMeasured: string;
  ServingProjects: string;
  NoServingProjects: string;
  YourProject: string;
  MyProjectsServe: string;
  CheckIn: string;
  CheckInFor: string;
  CheckInHeading: string;
  CheckInsOf: string;
  CheckInLine: string;
  FieldDate: string;
  FieldValue: string;
  FieldConfidence: string;
  FieldComment: string;
  Required: string;
  InvalidDate: string;
  NotANumber: string;
  NumberRange: string;
  Save: string;
  Saving: string;
  Cancel: string;
  Saved: string;
  SaveFailed: string;
  Conflict: string;
  LoadFailed: string;
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
  SiteUrlInvalid: string;
}

declare module 'OkrWebPartStrings' {
  const strings: IOkrWebPartStrings;
  export = strings;
}
