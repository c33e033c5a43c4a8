import { prepareMarketingBody } from './marketing-body.rule';
import { messageLanguage, type MessageLanguage } from './message-language';

/**
 * The one confirmation of an opt-out: no marketing, nothing sent after it (47 CFR 64.1200(a)(12), in force
 * 2024-04-04 [P]; CTIA: name the brand and say no more messages will be sent). It may say how to opt back in.
 */
const OPT_OUT_CONFIRMATION: Readonly<Record<MessageLanguage, (sender: string) => string>> = {
  en: (sender) =>
    `${sender}: You are unsubscribed and will receive no more messages. Reply START to resubscribe.`,
  zh: (sender) => `【${sender}】您已成功退订，将不再收到我们的短信。`,
  es: (sender) =>
    `${sender}: Te has dado de baja y no recibirás más mensajes. Responde ALTA para volver a suscribirte.`,
  pt: (sender) =>
    `${sender}: Você foi descadastrado e não receberá mais mensagens. Responda VOLTAR para se inscrever novamente.`,
  fr: (sender) =>
    `${sender} : Vous êtes désabonné et ne recevrez plus de messages. Répondez START pour vous réabonner.`,
  de: (sender) =>
    `${sender}: Sie wurden abgemeldet und erhalten keine weiteren Nachrichten. Antworten Sie START zum erneuten Anmelden.`,
};

/** The STOP confirmation in the recipient's language (locale, else country, else English). */
export function optOutConfirmation(senderName: string, locale?: string, region?: string): string {
  return OPT_OUT_CONFIRMATION[messageLanguage(locale, region)](senderName);
}

/**
 * The answer to HELP: the tenant's help text (support contact, frequency, "Msg&data rates may apply"), with the
 * sender's name and the opt-out instruction added when missing (CTIA: every HELP reply names the program and
 * says how to stop).
 */
export function helpReply(senderName: string, helpText: string, locale?: string, region?: string): string {
  return prepareMarketingBody({ text: helpText, senderName, region: region ?? '', locale });
}
