/**
 * The local hub's stand-in for `@microsoft/sp-property-pane` (the bundle resolves that package
 * here; tools/hub/build.ts): SPFx's field factories only describe a field as `{ type,
 * targetProperty, properties }`, which is all the hub's property pane needs to render a web
 * part's own getPropertyPaneConfiguration. The numbers are SPFx's PropertyPaneFieldType values.
 */
export enum PropertyPaneFieldType {
  Custom = 1, CheckBox = 2, TextField = 3, Toggle = 5, Dropdown = 6, Label = 7, Slider = 8, Heading = 9,
  ChoiceGroup = 10, Button = 11, HorizontalRule = 12, Link = 13, DynamicField = 14, DynamicFieldSet = 16
}

export interface StandInField {
  type: PropertyPaneFieldType;
  targetProperty: string;
  properties: Record<string, unknown>;
}

function factory(type: PropertyPaneFieldType): (targetProperty: string, properties: object) => StandInField {
  return (targetProperty, properties) => ({ type, targetProperty, properties: properties as Record<string, unknown> });
}

export const PropertyPaneTextField = factory(PropertyPaneFieldType.TextField);
export const PropertyPaneToggle = factory(PropertyPaneFieldType.Toggle);
export const PropertyPaneDropdown = factory(PropertyPaneFieldType.Dropdown);
export const PropertyPaneSlider = factory(PropertyPaneFieldType.Slider);
export const PropertyPaneChoiceGroup = factory(PropertyPaneFieldType.ChoiceGroup);
export const PropertyPaneCheckbox = factory(PropertyPaneFieldType.CheckBox);
export const PropertyPaneDynamicField = factory(PropertyPaneFieldType.DynamicField);

export function PropertyPaneDynamicFieldSet(properties: object): StandInField {
  return { type: PropertyPaneFieldType.DynamicFieldSet, targetProperty: '', properties: properties as Record<string, unknown> };
}
