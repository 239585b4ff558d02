import { normalize } from "./normalize.js";

/**
 * Page furniture of a web or PDF copy: lines that frame a text but say nothing in it (来源：…,
 * 【打印】【关闭】, - 3 -, a lone URL, a publication time). Recognized by shape, on the whole line.
 */
const LABEL =
  "(?:文章|信息|新闻|稿件)?来源|稿源|出处|作者|撰稿|供稿|(?:责任|值班|网络|本文)?编辑|责编|编审|审核|审校|校对|[初复终]审|" +
  "发布(?:者|人|机构|单位|时间|日期)?|(?:更新|成文|发文)(?:时间|日期)|浏览(?:次数|量)?|阅读(?:次数|量|数)?|点击(?:数|量|率)?|访问量|" +
  "字[号体]|分享到?|网址|(?:原文)?链接|索引号|主题分类|摄影|摄像";
/** 来源：新华社 责任编辑：王某 — one or more label：value pairs, values without sentence punctuation. */
const LABEL_LINE = new RegExp(`^[（(【\\[]?\\s*(?:(?:${LABEL})\\s*[：:](?:\\d[:：]\\d|:\\/\\/|[^。！？，；：:])*?\\s*)+[）)】\\]]?$`, "u");
const CONTROL_WORDS =
  /我要|打印|列印|关闭|窗口|本页|此页|当前页|收藏|分享到?|转发|返回|顶部|首页|上一页|下一页|字[号体]|默认|放大|缩小|纠错|扫一扫|扫码|二维码|手机|打开|微信|微博|朋友圈|空间|QQ/gu;
const CONTROL_FILLER = /[大中小在用看到至\s【】[\]（）()|｜/·•：:、,，>＞-]/gu;
const PREV_NEXT = /^(?:上一?[篇条]|下一?[篇条])\s*[：:]?/u;
const BREADCRUMB = /^(?:(?:您|你)(?:现在)?的位置|当前位置)\s*[：:]|^[^。，；>＞»›]{1,12}(?:\s*[>＞»›]\s*[^。，；>＞»›]{1,20}){2,}$/u;
const PAGE_NUMBER =
  /^(?:[-—–~\s]*\d{1,4}[-—–~\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页|\d{1,4}\s*\/\s*\d{1,4}|(?:页码|page)\s*[：:]?\s*\d{1,4})$/iu;
const URL = /^(?:(?:https?|ftp):\/\/|www\.)[^\s\p{Script=Han}]+$/iu;
/** 2024-01-20 08:45 来源：… — a publication time in front of the labels. */
const LEADING_STAMP = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s+/u;
const DATE_TIME = /^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/u;
const SYMBOLS_ONLY = /^[\s*\-—=~_#·•◆◇★☆■□●○▲△▼▽|｜]+$/u;
const END_MARK = /^[（(【[]?完[）)】\]]?$/u;

export function isFurnitureLine(line: string): boolean {
  return isFurniture(normalize(line));
}

/** isFurnitureLine on a line already normalized (folded, simplified). */
export function isFurniture(normalized: string): boolean {
  const text = normalized.trim();
  if (text.length === 0 || text.length > 80) return false;
  return (
    LABEL_LINE.test(text.replace(LEADING_STAMP, "")) ||
    isControls(text) ||
    (PREV_NEXT.test(text) && !/[。！？]/u.test(text)) ||
    BREADCRUMB.test(text) ||
    PAGE_NUMBER.test(text) ||
    URL.test(text) ||
    (/\d/u.test(text) && DATE_TIME.test(text)) ||
    SYMBOLS_ONLY.test(text) ||
    END_MARK.test(text)
  );
}

/** 【字体：大 中 小】【打印】【关闭】, 扫一扫在手机打开当前页: nothing left once the page's controls are taken out. */
function isControls(text: string): boolean {
  if (text.length > 40) return false;
  const rest = text.replace(CONTROL_WORDS, "");
  return rest !== text && rest.replace(CONTROL_FILLER, "").length === 0;
}
