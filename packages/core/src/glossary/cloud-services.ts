import { textMemo } from "../memo";
/**
 * Cloud services that companies name as a storage place (保管場所) instead of as a contractor:
 * each is a 委託先 that needs evaluation and an agreement (notes/domain.md §4.1, §5 #8–9 [S42b]).
 * Data, not logic: add a service here with the spellings seen in ledgers.
 *
 * 「Box」 is matched only in that spelling (or box.com / Box Drive) and never inside a word:
 * 「鍵付きBOX」「書類BOX」 are cabinets.
 */
export interface CloudService {
  id: string;
  name: string;
  pattern: RegExp;
}

const NOT_WORD_BEFORE = "(?<![A-Za-z0-9\\u3040-\\u30ff\\u4e00-\\u9fff])";

export const CLOUD_SERVICES: readonly CloudService[] = [
  { id: "google-workspace", name: "Google Workspace", pattern: /google\s*(?:workspace|drive|ドライブ|フォーム|forms?|スプレッドシート|sheets|docs|ドキュメント)|g\s*suite|gmail/i },
  { id: "microsoft-365", name: "Microsoft 365", pattern: /microsoft\s*365|office\s*365|\bm365\b|\bo365\b|onedrive|one\s*drive|sharepoint|exchange\s*online|microsoft\s*teams/i },
  { id: "box", name: "Box", pattern: new RegExp(`${NOT_WORD_BEFORE}(?:Box(?:\\s*Drive)?|box\\.com)(?![A-Za-z])`) },
  { id: "dropbox", name: "Dropbox", pattern: /dropbox|ドロップボックス/i },
  { id: "kintone", name: "kintone", pattern: /kintone|キントーン/i },
  { id: "cybozu", name: "サイボウズ Office / Garoon", pattern: /サイボウズ|cybozu|garoon|ガルーン/i },
  { id: "salesforce", name: "Salesforce", pattern: /salesforce|セールスフォース/i },
  { id: "aws", name: "AWS", pattern: /\baws\b|amazon\s*web\s*services|amazon\s*(?:s3|ec2|rds|workdocs)/i },
  { id: "azure", name: "Microsoft Azure", pattern: /\bazure\b/i },
  { id: "google-cloud", name: "Google Cloud", pattern: /google\s*cloud|\bgcp\b/i },
  { id: "sakura", name: "さくらのクラウド", pattern: /さくらのクラウド|さくらインターネット|さくらのレンタルサーバ|sakura\s*internet/i },
  { id: "slack", name: "Slack", pattern: /\bslack\b|スラック/i },
  { id: "chatwork", name: "Chatwork", pattern: /chatwork|チャットワーク/i },
  { id: "line-works", name: "LINE WORKS", pattern: /line\s*works|ラインワークス/i },
  { id: "zoom", name: "Zoom", pattern: /\bzoom\b/i },
  { id: "freee", name: "freee", pattern: /\bfreee\b/i },
  { id: "money-forward", name: "マネーフォワード クラウド", pattern: /money\s*forward|マネーフォワード/i },
  { id: "smarthr", name: "SmartHR", pattern: /smart\s*hr|スマートhr/i },
  { id: "jobcan", name: "ジョブカン", pattern: /jobcan|ジョブカン/i },
  { id: "king-of-time", name: "KING OF TIME", pattern: /king\s*of\s*time|キングオブタイム/i },
  { id: "hubspot", name: "HubSpot", pattern: /hubspot|ハブスポット/i },
  { id: "sansan", name: "Sansan", pattern: /\bsansan\b/i },
  { id: "notion", name: "Notion", pattern: /\bnotion\b/i },
  { id: "zendesk", name: "Zendesk", pattern: /zendesk/i },
  { id: "backlog", name: "Backlog", pattern: /\bbacklog\b/i },
  { id: "xserver", name: "Xserver", pattern: /xserver|エックスサーバー/i },
  { id: "conoha", name: "ConoHa", pattern: /conoha/i },
];

/** The cloud services a text names, in list order. */
export const cloudServicesIn: (text: string) => readonly CloudService[] = textMemo("cloud", (text: string) => Object.freeze(CLOUD_SERVICES.filter((s) => s.pattern.test(text))));

/** A storage place that is a cloud or SaaS service, said in general words. */
export const CLOUD_PLACE = /クラウド|saas|オンラインストレージ|cloud|online storage/i;
