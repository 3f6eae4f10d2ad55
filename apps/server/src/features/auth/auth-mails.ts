import { renderMail } from "../../platform/mail/render-mail";
import type { MailMessage } from "../../platform/mail/mailer";

/** Builds links from FRONTEND_URL only, never from the request's Host header. */
export function frontendLink(frontendUrl: string, path: string, token: string): string {
  return `${frontendUrl}${path}?token=${encodeURIComponent(token)}`;
}

export function verifyEmailMail(to: string, link: string): MailMessage {
  return renderMail({
    template: "verify-email",
    to,
    subject: "Confirm your email address for FitCoach",
    paragraphs: [
      "Welcome to FitCoach. Confirm that this address is yours to finish setting up your account.",
    ],
    action: { label: "Confirm email address", url: link },
    footer:
      "The link works once and expires in 24 hours. If you did not create an account, ignore this mail.",
  });
}

export function registrationAttemptMail(
  to: string,
  loginLink: string,
  resetLink: string,
): MailMessage {
  return renderMail({
    template: "registration-attempt",
    to,
    subject: "Someone tried to register with your email address",
    paragraphs: [
      "Someone tried to create a FitCoach account with this address, which already has an account.",
      `If it was you, log in at ${loginLink}. If you forgot your password, reset it at ${resetLink}.`,
      "If it was not you, you can ignore this mail; your account is unchanged.",
    ],
  });
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return renderMail({
    template: "password-reset",
    to,
    subject: "Reset your FitCoach password",
    paragraphs: ["Someone asked to reset the password of your FitCoach account."],
    action: { label: "Choose a new password", url: link },
    footer:
      "The link works once and expires in 30 minutes. If you did not ask for it, ignore this mail.",
  });
}

export function accountLockedMail(to: string, link: string, minutes: number): MailMessage {
  return renderMail({
    template: "account-locked",
    to,
    subject: "Your FitCoach account was locked after failed logins",
    paragraphs: [
      `Several wrong passwords were entered for your account, so password logins from new devices are paused for ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      "Devices you have logged in from before are not affected. If this was you, use the link below to unlock now.",
      "If it was not you, consider changing your password; a password reset also clears the lock.",
    ],
    action: { label: "Unlock my account", url: link },
    footer: "The link works once and expires in 24 hours.",
  });
}

export function emailChangeConfirmMail(to: string, link: string): MailMessage {
  return renderMail({
    template: "email-change-confirm",
    to,
    subject: "Confirm your new FitCoach email address",
    paragraphs: [
      "Someone asked to move a FitCoach account to this address. Confirm to make the change.",
    ],
    action: { label: "Confirm new address", url: link },
    footer:
      "The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.",
  });
}

export function emailTakenMail(to: string): MailMessage {
  return renderMail({
    template: "email-change-taken",
    to,
    subject: "A FitCoach account tried to move to your address",
    paragraphs: [
      "Someone asked to move a FitCoach account to this address, but you already have an account here, so nothing changed.",
      "If it was you, log in with this address instead.",
    ],
  });
}

/** Notice to the owner that something about their account's security changed. */
export function securityNoticeMail(to: string, what: string, when: Date): MailMessage {
  return renderMail({
    template: "security-notice",
    to,
    subject: `FitCoach security notice: ${what}`,
    paragraphs: [
      `This is a notice that ${what} on ${when.toUTCString()}.`,
      "If this was you, there is nothing to do. If not, reset your password at once and review your active sessions in Settings.",
    ],
  });
}
