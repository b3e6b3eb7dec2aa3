/// <reference lib="dom" />
/// <reference types="office-js" />
