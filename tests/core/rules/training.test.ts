import { ruleTable } from "../helpers";
import { trainingSheet, TRAINING_HEADER } from "./annual-helpers";

const T = "教育実施記録";

ruleTable("training/overdue", {
  valid: [
    {
      name: "every worker trained within 12 months, 2024-06-30 the oldest",
      grids: [trainingSheet([{ 区分: "役員", 実施日: "2024/6/30" }, { 区分: "パート", 実施日: 45748 }, { 区分: "派遣社員", 実施日: "令和7年5月1日" }])],
    },
    {
      name: "the latest of several records counts",
      grids: [trainingSheet([{ 氏名: "山田 太郎", 実施日: "2023/5/1" }, { 氏名: "山田太郎", 実施日: "2025/5/1" }])],
    },
    { name: "a person who has left", grids: [trainingSheet([{ 区分: "アルバイト", 実施日: "2023/5/1", 備考: "2024/3/31 退職" }])] },
    { name: "no training sheet: silent", grids: [] },
  ],
  invalid: [
    {
      name: "a part-timer trained 12 months and a day ago",
      grids: [trainingSheet([{ 区分: "正社員" }, { 区分: "パート", 実施日: "2024/6/29" }])],
      expected: [`${T}!D3 overdue`],
    },
    { name: "an executive and a secondee never trained", grids: [trainingSheet([{ 区分: "役員", 実施日: null }, { 区分: "出向社員", 実施日: "" }])], expected: [`${T}!D2 never`, `${T}!D3 never`] },
    {
      name: "last year's sheet lists a temp missing from this year's",
      grids: [
        trainingSheet([{ 氏名: "派遣 花子", 区分: "派遣社員", 実施日: "2024/5/10" }, { 氏名: "佐藤 一郎", 実施日: "2024/5/10" }], "2024年度教育"),
        trainingSheet([{ 氏名: "佐藤一郎", 実施日: "2025/5/12" }], "2025年度教育"),
      ],
      expected: ["2024年度教育!D2 overdue"],
    },
  ],
});

ruleTable("training/no-test-result", {
  valid: [
    { name: "scores recorded", grids: [trainingSheet([{ テスト結果: "80点" }, { テスト結果: "合格" }])] },
    { name: "an untrained row is training/overdue's", grids: [trainingSheet([{ 実施日: null, テスト結果: null }])] },
  ],
  invalid: [
    { name: "a training with no result", grids: [trainingSheet([{}, { テスト結果: "" }])], expected: [`${T}!F3 noResult`] },
    { name: "no result column at all", grids: [trainingSheet([{}], T, TRAINING_HEADER.filter((h) => h !== "テスト結果"))], expected: [`${T}!D1 noColumn`] },
  ],
});
