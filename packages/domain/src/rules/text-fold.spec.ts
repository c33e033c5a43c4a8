import { foldText } from './text-fold';

describe(foldText.name, () => {
  it.each<[string, string]>([
    ['STOP', 'stop'],
    ['\u200bST\u200bOP', 'stop'], // zero-width space
    ['\ufeffstop', 'stop'], // byte-order mark
    ['\u200fstop\u200e', 'stop'], // right-to-left and left-to-right marks
    ['\u202bstop\u202c', 'stop'], // bidi embedding
    ['\u2067stop\u2069', 'stop'], // bidi isolate
    ['un\u00adsubscribe', 'unsubscribe'], // soft hyphen
    ['ＡＲＲÊＴ', 'arret'],
    ['Abbestellen', 'abbestellen'],
    ['Hört auf', 'hort auf'],
    ['Don’t', "don't"],
    ['退訂', '退订'],
    ['別再發簡訊給我', '别再发简讯给我'],
    ['垃圾訊息', '垃圾讯息'],
    ['退订', '退订'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
