declare interface IPmoKpisWebPartStrings {
  Title: string;
  Intro: string;
  Loading: string;
  LoadFailed: string;
  CurrentQuarter: string;
  ColumnQuarter: string;
  NoValue: string;
  SparringUnknown: string;
  Definition: string;
  TrendTitle: string;
  TrendSummary: string;
  UnitShare: string;
  UnitCount: string;
  UnitDays: string;
  NameDeliveredOnTime: string;
  NameDeliveredOnBudget: string;
  NameReportsOnTime: string;
  NameTemplateDownloads: string;
  NameSparringRequests: string;
  NameSparringWaitDays: string;
  NameLessonsLogged: string;
  DefDeliveredOnTime: string;
  DefDeliveredOnBudget: string;
  DefReportsOnTime: string;
  DefTemplateDownloads: string;
  DefSparringRequests: string;
  DefSparringWaitDays: string;
  DefLessonsLogged: string;
  NameLessonsReused: string;
  DefLessonsReused: string;
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
  SiteUrlInvalid: string;
}

declare module 'PmoKpisWebPartStrings' {
  const strings: IPmoKpisWebPartStrings;
  export = strings;
}
