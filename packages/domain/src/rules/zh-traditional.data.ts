/*
 * Traditional → simplified Chinese for the characters the reply keywords, revocation phrases and complaint
 * phrases use, so that 退訂, 別再發簡訊 and 垃圾訊息 from Taiwan, Hong Kong and Macau readers match 退订, 别再发简讯
 * and 垃圾讯息. Pairs from the State Council's 通用规范汉字表 (2013, appendix 1, 规范字与繁体字对照表); only
 * characters with a single simplified form are listed.
 */
const PAIRS =
  '訂订 閱阅 發发 別别 給给 們们 簡简 訊讯 銷销 註注 擾扰 騷骚 舉举 報报 訴诉 費费 號号 碼码 請请 將将 從从 ' +
  '單单 傳传 關关 閉闭 謝谢 幫帮 絕绝 應应 該该 麼么 這这 個个 聯联 繫系 續续 繼继 廣广 無无 煩烦 資资 嗎吗 ' +
  '為为 來来 對对 還还 電电 話话 郵邮 帳账 戶户 網网 會会 員员 務务 與与 讓让 說说 過过 見见 權权 統统 ' +
  '樣样 機机 點点 時时 間间 條条 寫写 刪删 須须 願愿 歡欢 聽听 讀读 種种 數数 據据 經经 動动 驗验 ' +
  '騙骗 詐诈 圖图 嚴严 屬属 係系 勞劳 節节 復复 紹绍 輸输 撥拨 錯错 誤误 覺觉 買买 賣卖 價价 貨货 ' +
  '辦办 處处 證证 愛爱 聞闻 寶宝 貝贝 優优 驚惊 喚唤 實实 現现 裡里 閒闲 擔担 攔拦 掃扫 務务 內内';

export const ZH_TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  PAIRS.split(' ').map((pair) => [pair.charAt(0), pair.charAt(1)]),
);
