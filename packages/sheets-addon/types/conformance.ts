/**
 * Proof that the real Apps Script services fit the add-on's narrow ports (src/gas/ports.ts):
 * if a port names a method the service lacks, or with another signature, this file fails to
 * compile under the package's tsconfig (which loads @types/google-apps-script).
 */
import type { GasServices, HtmlOutputPort, MenuPort, RangePort, SheetPort, SpreadsheetPort } from "../src/gas/ports";

function fits<Port>(_real: Port): void {}

declare const real: {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
};

fits<GasServices>(real);
fits<SpreadsheetPort>(real.SpreadsheetApp.getActiveSpreadsheet());
fits<SheetPort>(real.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
fits<RangePort>(real.SpreadsheetApp.getActiveRange());
fits<MenuPort>(real.SpreadsheetApp.getUi().createAddonMenu());
fits<HtmlOutputPort>(real.HtmlService.createHtmlOutputFromFile("Sidebar"));

// The globals the add-on reaches through `gas()` are the very ones Apps Script defines.
fits<GasServices["SpreadsheetApp"]>(SpreadsheetApp);
fits<GasServices["HtmlService"]>(HtmlService);
fits<GasServices["Session"]>(Session);
fits<GasServices["PropertiesService"]>(PropertiesService);
