/**
 * The head of a one-task plan file shared by the plan-file tests: plan fields, one section, one
 * task (T01) with its units; a test appends the task's indicators or milestones.
 */
export const ONE_TASK_PLAN_HEAD = `code: demo-plan
version: 1
title: 示例计划
titleEn: Demo plan
district: SD
status: draft
startDate: 2020-01-01
endDate: 2022-12-31
reportingPeriod: quarterly
preamble: 序言。
sections:
  - number: 1
    label: 一
    title: 第一部分
    titleEn: Part one
    tasks:
      - code: T01
        number: 1
        label: （一）
        title: 任务一
        titleEn: Task one
        text: （一）任务一。正文。
        units: [区教育局, 区人社局]
`;
