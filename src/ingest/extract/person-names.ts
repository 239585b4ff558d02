import { entityId } from "../registry.js";
import type { LinkedSpan } from "../link.js";

/**
 * People named after their titles (市长王某某, 区委书记、区长李某), found by shape: a common surname,
 * one or two given-name characters, then a boundary. Only after a title, so 王府井 or 张家口 are never people.
 */

/** Common Chinese surnames, double ones first (the 百家姓 core covers nearly every official). */
const DOUBLE_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "呼延"];
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
]);
/** What may follow a name: punctuation, a space, or a verb or word that starts the next phrase. */
const AFTER_NAME =
  /^(?:$|[\s，。、；：,;:（(“”]|同志|在|说|表示|指出|主持|出席|强调|作|讲话|代表|等|和|与|及|参加|宣布|当选|向|对|为|一行|到|赴|就|率|带领|介绍|提出|要求|希望|参观|调研|会见|看望|致辞|作了|所作|的|因|受|于|已|是|被|兼|任|为|此前|曾)/u;

function nameAt(text: string, at: number): string | undefined {
  const double = DOUBLE_SURNAMES.find((s) => text.startsWith(s, at));
  const surname = double ?? (SURNAMES.has(text[at] ?? "") ? (text[at] as string) : undefined);
  if (!surname) return undefined;
  for (const given of [2, 1]) {
    const end = at + surname.length + given;
    const name = text.slice(at, end);
    if (name.length !== surname.length + given || !/^\p{Script=Han}+$/u.test(name)) continue;
    if (AFTER_NAME.test(text.slice(end))) return name;
  }
  return undefined;
}

/** Words after which the next name is a person's: 选举刘洪涛为…, 任命王某为…. */
const APPOINTED = /(选举|任命|推选)$/u;

/**
 * New PERSON spans where no entity is linked yet: names printed right after a title word that
 * `title` accepts or after 选举/任命, and names already found so in this document (`known`).
 */
export function personNames(text: string, linked: LinkedSpan[], title: RegExp, known: ReadonlySet<string> = new Set()): LinkedSpan[] {
  const found: LinkedSpan[] = [];
  for (let at = 0; at < text.length; at++) {
    if (linked.some((s) => !s.nested && s.start <= at && at < s.end)) continue;
    let end = at;
    while (end > 0 && /[ \t\u3000]/u.test(text[end - 1] as string)) end -= 1;
    const before = text.slice(Math.max(0, end - 6), end);
    const again = [...known].find((n) => text.startsWith(n, at));
    const hasTitle = again !== undefined || APPOINTED.test(before) || [...Array(before.length).keys()].some((k) => title.test(before.slice(k)));
    if (!hasTitle) continue;
    const name = again ?? nameAt(text, at);
    if (!name) continue;
    found.push({ start: at, end: at + name.length, entity: { id: entityId("PERSON", name), kind: "PERSON", name, method: "RULE" }, nested: false });
    at += name.length - 1;
  }
  return found;
}
