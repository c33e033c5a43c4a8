import type { MessageLanguage } from './message-language';

/*
 * The reasonable-person pass after the keyword match (compliance-rules.md §2): the FCC's 2024 order lets a
 * consumer revoke consent "by any reasonable means" (FCC 24-24; 47 CFR 64.1200(a)(10), in force 2025-04-11), so
 * wording a reasonable person reads as "stop messaging me", "cancel my subscription" or "revoke my consent"
 * opts out, in each of the six languages (GDPR Art. 7(3) and CASL s. 11 ask the same of an easy withdrawal).
 * Matched on folded text (text-fold.ts): lower case, no accents or invisible characters, simplified Chinese.
 */

export interface ReplyPhrase {
  readonly language: MessageLanguage;
  readonly pattern: RegExp;
}

/**
 * Negated opt-out wording ("don't unsubscribe me", "不要退订", "nicht abmelden"): removed before the revocation
 * phrases are tried, so that asking to stay subscribed never opts anyone out. Only a request ("don't", "别") is a
 * guard: "you never stop texting me" and "you won't stop" are complaints, and opt out.
 */
export const OPT_OUT_NEGATIONS: readonly RegExp[] = [
  /\b(do not|don't|dont)\s+(ever\s+)?(want\s+to\s+)?(stop|unsubscribe|unsub|remove|delete|cancel|opt[\s-]*(me\s+)?out|take me off)\b(\s+(texting|sending|messaging|me|my|the|these|your|from|sending me))*/g,
  /(不要|别|不想|不用)(退订|取消订阅|取消|拒收|停)/g,
  /\bno\s+(me\s+)?(quiero\s+|deseo\s+)?(dar(me)?|den|darse)\s+de\s+baja\b|\bno\s+(pare[ns]?|deje[ns]?)\s+de\s+\w+/g,
  /\bnao\s+(quero\s+)?(sair|me\s+descadastr\w*|descadastr\w*|parar?)\b|\bnao\s+(pare|parem)\s+de\s+\w+/g,
  /\bne\s+(veux|souhaite)\s+pas\s+(me\s+)?(desabonn|desinscri)\w*|\bne\s+me\s+(desabonn|desinscri)\w*\s+pas\b|\bn'arret(ez|e)\s+pas\b/g,
  /\bnicht\s+(mehr\s+)?(abmelden|abbestellen|austragen|kundigen)\b|\b(mich\s+)?nicht\s+(ab)?melden\b/g,
];

/** Revocation inside a longer reply. "stop by the store" and "cancel my order" match none of these. */
export const STOP_PHRASES: readonly ReplyPhrase[] = [
  {
    language: 'en',
    pattern:
      /\b(stop|quit|cease|end)\s+(all\s+)?(texting|txting|messaging|msging|sending|contacting|calling|emailing|spamming|bothering|harassing)\b/,
  },
  {
    language: 'en',
    pattern:
      /\b(no more|stop|stop all|stop these|stop the|stop your|enough with the|enough)\s+(texts?|txts?|messages?|msgs?|sms|notifications?|alerts?|promos?|promotions?|marketing|ads)\b/,
  },
  { language: 'en', pattern: /\bstop\s+(these|this|them|it)\s*([.!?]|$)|\bno more\s*([.!]|$)/ },
  { language: 'en', pattern: /\bunsub(scribe)?\b/ },
  {
    language: 'en',
    pattern:
      /\b(do not|don't|dont|never)\s+(ever\s+)?(text|txt|message|msg|contact|sms|email|call)\s+(me|us|this|my|again|anymore|any)\b/,
  },
  {
    language: 'en',
    pattern:
      /\b(do not|don't|dont|never)\s+send\s+(me\s+)?(any\s*more|more|these|this|texts?|messages?|sms|anything)\b/,
  },
  {
    language: 'en',
    pattern:
      /\b(do not|don't|dont|no longer)\s+(want|wish|like)\s+(to\s+(receive|get)|these|this|your|any|more|anymore|texts?|messages?)\b/,
  },
  {
    language: 'en',
    pattern:
      /\b(remove|delete|erase)\s+(me|my number|this number|my contact)\b|\btake\s+(me|my number|this number)\s+off\b/,
  },
  {
    language: 'en',
    pattern: /\b(want|wanna|get me)\s+out\b|\bstop\s+(getting|receiving)\b/,
  },
  { language: 'en', pattern: /\bopt(ing)?[\s-]*(me\s+)?out\b/ },
  {
    language: 'en',
    pattern:
      /\b(revoke|revoking|withdraw|withdrawing|rescind|cancel)\s+(my\s+)?(consent|permission|authori[sz]ation|opt[\s-]?in)\b/,
  },
  {
    language: 'en',
    pattern:
      /\bcancel\s+(my\s+|the\s+|this\s+|these\s+|all\s+)?(subscription|texts?|messages?|alerts?|sms|notifications?)\b/,
  },
  {
    language: 'en',
    pattern: /\b(leave me alone|wrong number|wrong person|lose my number)\b|\bnot interested\b(?!\s+in\b)/,
  },
  { language: 'en', pattern: /(^|[,.!;:?]\s*)(stop|unsubscribe)\s*[.!]*$|^stop\s*[.!,]/ },
  { language: 'zh', pattern: /退订|退定|取消订阅|拒收|勿扰|撤回同意|撤销(同意|授权)|撤回授权/ },
  { language: 'zh', pattern: /(不要|别|勿|不用|请勿|不许)再?(给我)?(发|打扰|联系|推送)/ },
  {
    language: 'zh',
    pattern: /不(想|要|希望)再?(收到|接收|接到)|不再接收|停止(给我)?(发|推送|短信|信息|消息|联系)/,
  },
  {
    language: 'zh',
    pattern:
      /取消(短信|信息|消息)?(通知|推送|服务)|(删除|删掉)(我的)?(号码|手机号|电话)|把我的(号码|手机号)删/,
  },
  {
    language: 'es',
    pattern: /\bno\s+(me\s+)?(envie[ns]?|mande[ns]?|escriba[ns]?|contacte[ns]?|llame[ns]?)\b/,
  },
  { language: 'es', pattern: /\b(dar|darme|darse|den|denme|doy)\s+de\s+baja\b/ },
  {
    language: 'es',
    pattern: /\b(deje[ns]?|dejar|parar?|paren)\s+de\s+(enviar|mandar|escribir|recibir|contactar|llamar)/,
  },
  { language: 'es', pattern: /\b(ya\s+)?no\s+(quiero|deseo)\s+(recibir|mas|mensajes|sms|que\s+me)\b/ },
  {
    language: 'es',
    pattern:
      /\b(cancel(ar|en|o)|anular)\s+(mi\s+|la\s+)?suscripcion\b|\bdesuscrib|\bbasta\s+de\s+(mensajes|sms)\b/,
  },
  {
    language: 'es',
    pattern:
      /\b(eliminen|borren|eliminar|borrar|quiten|saquen)\s+(mi\s+numero|me)\b|\b(saquenme|quitenme|eliminenme|borrenme)\b/,
  },
  {
    language: 'es',
    pattern:
      /\b(retiro|revoco|revocar|retirar)\s+(mi\s+)?(consentimiento|autorizacion)\b|\bnumero\s+equivocado\b/,
  },
  { language: 'pt', pattern: /\b(par(e|em|ar)|deix(e|em|ar))\s+de\s+(me\s+)?(enviar|mandar|receber)\b/ },
  { language: 'pt', pattern: /\bnao\s+(me\s+)?(envie|enviem|mande|mandem|contate|contatem|liguem)\b/ },
  { language: 'pt', pattern: /\bdescadastr|\bdesinscrever|\bsair\s+d[aeo]s?s?[ae]?\s+(lista|cadastro)\b/ },
  { language: 'pt', pattern: /\bnao\s+quero\s+(mais|receber)\b|\bchega\s+de\s+(mensagens|sms)\b/ },
  {
    language: 'pt',
    pattern:
      /\b(me\s+)?(tire|tirem|remova|removam|remover|exclua|excluam)\s+(me\s+|meu\s+numero|o\s+meu\s+numero|d[ae])/,
  },
  {
    language: 'pt',
    pattern:
      /\bcancelar\s+(minha\s+|a\s+)?(inscricao|assinatura)\b|\b(revogo|retiro|revogar|retirar)\s+(o\s+)?(meu\s+)?consentimento\b|\bnumero\s+errado\b/,
  },
  { language: 'fr', pattern: /\bne\s+(plus|pas)\s+(recevoir|m'envoyer|etre\s+contacte)/ },
  { language: 'fr', pattern: /\bne\s+(m'|me\s+)(envoyez|ecrivez|contactez|appelez)\s+plus\b/ },
  {
    language: 'fr',
    pattern: /\b(arret(ez|er)|cess(ez|er))\s+(de\s+)?(m'|me\s+)?(envoyer|ecrire|contacter|spammer)/,
  },
  { language: 'fr', pattern: /\b(desabonn|desinscri)/ },
  {
    language: 'fr',
    pattern:
      /\bje\s+(ne\s+)?(veux|souhaite)\s+plus\s+(recevoir|de\s+(vos\s+|ces\s+|tes\s+)?(messages|sms|textos|pubs?))\b/,
  },
  {
    language: 'fr',
    pattern:
      /\b(retirez|supprimez|enlevez|effacez)[- ](moi|mon\s+numero)\b|\bje\s+retire\s+mon\s+consentement\b/,
  },
  {
    language: 'fr',
    pattern:
      /\b(annuler|resilier)\s+(mon\s+)?abonnement\b|\bplus\s+de\s+(messages|sms|pubs?)\b|\bfini\s+les\s+(sms|messages)\b/,
  },
  {
    language: 'fr',
    pattern: /\bstop\s+(pub|pubs|sms)\b|\blaissez[- ]moi\s+tranquille\b|\bmauvais\s+numero\b/,
  },
  {
    language: 'de',
    pattern: /\bkeine\s+(sms|nachrichten|werbung|mitteilungen|newsletter)\s+mehr\b|\bkeine\s+werbung\b/,
  },
  {
    language: 'de',
    pattern: /\b(hort|horen sie)\s+(bitte\s+)?auf\b|\b(abmelden|abbestellen|austragen|abmeldung)\b/,
  },
  {
    language: 'de',
    pattern: /\bnicht\s+mehr\s+(schreiben|senden|kontaktieren|anschreiben|anrufen|zuschicken)\b/,
  },
  {
    language: 'de',
    pattern: /\b(schreiben|senden|schicken|kontaktieren)\s+sie\s+(mir|mich)\s+(nicht|keine)\b/,
  },
  {
    language: 'de',
    pattern:
      /\btragen\s+sie\s+mich\s+aus\b|\b(meine\s+)?nummer\s+loschen\b|\bloschen\s+sie\s+meine\s+nummer\b|\bentfernen\s+sie\s+mich\b/,
  },
  {
    language: 'de',
    pattern:
      /\bwiderrufe\b.*\b(einwilligung|zustimmung)\b|\b(einwilligung|zustimmung)\s+widerrufen\b|\babo\s+kundigen\b|\bkundige\s+(das|mein)\s+abo\b/,
  },
  { language: 'de', pattern: /\b(lasst|lassen\s+sie)\s+mich\s+in\s+ruhe\b|\bfalsche\s+nummer\b/ },
];

/**
 * Reports of spam or abuse: a complaint, which CONTRACT §3 also counts as an opt-out. The other languages come
 * first so that "es spam" is answered in Spanish; the English list ends with the bare word "spam".
 */
export const COMPLAINT_PHRASES: readonly ReplyPhrase[] = [
  { language: 'zh', pattern: /垃圾(短信|信息|消息|讯息|简讯)|骚扰|举报|投诉/ },
  { language: 'es', pattern: /\b(es|son)\s+spam\b|\b(estafa|acoso|denunciar|denuncia)\b/ },
  { language: 'pt', pattern: /\b(e|sao)\s+spam\b|\b(assedio|denunciar|denuncia)\b/ },
  { language: 'fr', pattern: /\bc'est (du )?spam\b|\b(pourriel|arnaque|harcelement|signaler)\b/ },
  { language: 'de', pattern: /\bist spam\b|\b(belastigung|betrug)\b/ },
  { language: 'en', pattern: /\breport(ed|ing)?\b.*\b(fcc|ftc|attorney general|authorities|police)\b/ },
  { language: 'en', pattern: /\b(tcpa|lawsuit|sue you|my lawyer|my attorney)\b/ },
  { language: 'en', pattern: /\b(spam|spamming|spammed|spammer|scam|scammer|harassment|harassing)\b/ },
];
