/**
 * The slice of the Apps Script services this add-on uses, as narrow structural types.
 *
 * Why not the ambient `@types/google-apps-script` globals: they would be visible to every
 * package type-checked in the root program (core included). These ports keep the GAS API out
 * of the shared program; `packages/sheets-addon/types/conformance.ts`, checked with the
 * package's own tsconfig (which does load the real GAS types), proves that the real services
 * are assignable to them, so a misspelt method or a wrong signature fails the build.
 */

export interface RangePort {
  getValues(): unknown[][];
  getFormulas(): string[][];
  getBackgrounds(): string[][];
  getMergedRanges(): RangePort[];
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  setValues(values: unknown[][]): RangePort;
  setFormulas(formulas: string[][]): RangePort;
  setBackground(color: string | null): RangePort;
  setNumberFormat(numberFormat: string): RangePort;
  setFontWeight(fontWeight: string | null): RangePort;
  setFontColor(color: string | null): RangePort;
  setWrap(isWrapEnabled: boolean | null): RangePort;
  setDataValidation(rule: DataValidationPort | null): RangePort;
  getDataValidations(): (DataValidationPort | null)[][];
  clearContent(): RangePort;
  activate(): RangePort;
}

export interface RangeListPort {
  setBackground(color: string | null): RangeListPort;
}

/** Built by the builder, handed to `setDataValidation`; read back to tell whether a range already has one. */
export interface DataValidationPort {
  getHelpText(): string;
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
}

/** SpreadsheetApp.DataValidationCriteria: opaque enum values. */
export interface DataValidationCriteriaPort {
  VALUE_IN_LIST: unknown;
}

export interface DataValidationBuilderPort {
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderPort;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderPort;
  setHelpText(helpText: string): DataValidationBuilderPort;
  build(): DataValidationPort;
}

export interface BooleanConditionPort {
  getBackground(): string | null;
  getFontColor(): string | null;
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
}

export interface ConditionalFormatRulePort {
  getRanges(): RangePort[];
  getBooleanCondition(): BooleanConditionPort | null;
}

export interface ConditionalFormatRuleBuilderPort {
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderPort;
  setBackground(color: string | null): ConditionalFormatRuleBuilderPort;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderPort;
  setRanges(ranges: RangePort[]): ConditionalFormatRuleBuilderPort;
  build(): ConditionalFormatRulePort;
}

/** A sheet or range protection; the add-on only asks whether the user may edit it. */
export interface ProtectionPort {
  canEdit(): boolean;
  getRange(): RangePort;
}

/** SpreadsheetApp.ProtectionType: opaque enum values. */
export interface ProtectionTypePort {
  SHEET: unknown;
  RANGE: unknown;
}

export interface SheetPort {
  getName(): string;
  getSheetId(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetPort;
  insertRowsBefore(beforePosition: number, howMany: number): SheetPort;
  deleteRows(rowPosition: number, howMany: number): void;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetPort;
  getDataRange(): RangePort;
  getRange(a1Notation: string): RangePort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  getRangeList(a1Notations: string[]): RangeListPort;
  getProtections(type: unknown): ProtectionPort[];
  getConditionalFormatRules(): ConditionalFormatRulePort[];
  setConditionalFormatRules(rules: ConditionalFormatRulePort[]): void;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetPort;
  setTabColor(color: string | null): SheetPort;
  hideSheet(): SheetPort;
  activate(): SheetPort;
}

export interface SpreadsheetPort {
  getSheets(): SheetPort[];
  getSheetByName(name: string): SheetPort | null;
  insertSheet(sheetName: string, sheetIndex: number): SheetPort;
  deleteSheet(sheet: SheetPort): void;
  getSpreadsheetTimeZone(): string;
  toast(msg: string, title: string, timeoutSeconds: number): void;
}

export interface MenuPort {
  addItem(caption: string, functionName: string): MenuPort;
  addSeparator(): MenuPort;
  addToUi(): void;
}

export interface HtmlOutputPort {
  setTitle(title: string): HtmlOutputPort;
}

export interface UiPort {
  createAddonMenu(): MenuPort;
  showSidebar(userInterface: HtmlOutputPort): void;
}

export interface SpreadsheetAppPort {
  readonly ProtectionType: ProtectionTypePort;
  readonly DataValidationCriteria: DataValidationCriteriaPort;
  getActiveSpreadsheet(): SpreadsheetPort;
  getUi(): UiPort;
  newDataValidation(): DataValidationBuilderPort;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderPort;
}

export interface HtmlServicePort {
  createHtmlOutputFromFile(filename: string): HtmlOutputPort;
}

export interface SessionPort {
  getActiveUserLocale(): string;
}

export interface PropertiesPort {
  getProperties(): { [key: string]: string };
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): PropertiesPort;
  deleteProperty(key: string): PropertiesPort;
}

export interface PropertiesServicePort {
  getDocumentProperties(): PropertiesPort | null;
}

/** The services the add-on touches, looked up on the global object at call time, never at load. */
export interface GasServices {
  SpreadsheetApp: SpreadsheetAppPort;
  HtmlService: HtmlServicePort;
  Session: SessionPort;
  PropertiesService: PropertiesServicePort;
}

export function gas(): GasServices {
  return globalThis as unknown as GasServices;
}
