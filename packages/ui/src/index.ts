export * from "./bridge";
