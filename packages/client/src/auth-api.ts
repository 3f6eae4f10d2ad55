import {
  acceptedResponseSchema,
  loginResponseSchema,
  tokenResponseSchema,
  verifyEmailResponseSchema,
} from "@fitcoach/contract";
import type {
  AcceptedResponse,
  LoginRequest,
  MfaRequiredResponse,
  RegisterRequest,
} from "@fitcoach/contract";

import type { ApiClientCore } from "./api-client";

/** Outcome of a password login: signed in, or waiting for the second factor. */
export type LoginOutcome =
  { status: "signed-in" } | { status: "mfa-required"; mfa: MfaRequiredResponse };

/** The second factor: a code from the authenticator app, or one of the recovery codes. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export interface AuthApi {
  register(body: RegisterRequest): Promise<AcceptedResponse>;
  verifyEmail(token: string): Promise<void>;
  resendVerification(email: string): Promise<AcceptedResponse>;
  login(body: Omit<LoginRequest, "deviceToken">): Promise<LoginOutcome>;
  loginSecondFactor(mfaToken: string, factor: SecondFactor): Promise<void>;
  logout(): Promise<void>;
  logoutAll(): Promise<void>;
  forgotPassword(email: string): Promise<AcceptedResponse>;
  resetPassword(token: string, password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  unlock(token: string): Promise<void>;
  confirmEmail(token: string): Promise<void>;
  reauthenticate(proof: { password: string } | { code: string }): Promise<void>;
}

export function createAuthApi(core: ApiClientCore): AuthApi {
  async function post<T>(path: string, body: unknown, authenticated = false): Promise<T> {
    return core.request<T>({ method: "POST", path, body, authenticated });
  }

  async function endLocally(path: string): Promise<void> {
    const { refreshToken } = await core.readTokens();
    try {
      await core.request({
        method: "POST",
        path,
        body: core.platform === "native" && refreshToken ? { refreshToken } : undefined,
      });
    } finally {
      // The local session ends even when the logout request fails, so a shared device is safe.
      await core.endSession("logout");
    }
  }

  return {
    register: (body) =>
      core.request({
        method: "POST",
        path: "/auth/register",
        body,
        authenticated: false,
        schema: acceptedResponseSchema,
      }),
    async verifyEmail(token) {
      await core.request({
        method: "POST",
        path: "/auth/verify-email",
        body: { token },
        authenticated: false,
        schema: verifyEmailResponseSchema,
      });
    },
    resendVerification: (email) =>
      core.request({
        method: "POST",
        path: "/auth/verify-email/resend",
        body: { email },
        authenticated: false,
        schema: acceptedResponseSchema,
      }),
    async login(body) {
      const { deviceToken } = await core.readTokens();
      const answer = await core.request({
        method: "POST",
        path: "/auth/login",
        body: core.platform === "native" && deviceToken ? { ...body, deviceToken } : body,
        authenticated: false,
        schema: loginResponseSchema,
      });
      if ("mfaRequired" in answer) return { status: "mfa-required", mfa: answer };
      await core.acceptTokens(answer);
      return { status: "signed-in" };
    },
    async loginSecondFactor(mfaToken, factor) {
      const answer = await core.request({
        method: "POST",
        path: "/auth/login/2fa",
        body: { mfaToken, ...factor },
        authenticated: false,
        schema: tokenResponseSchema,
      });
      await core.acceptTokens(answer);
    },
    logout: () => endLocally("/auth/logout"),
    logoutAll: () => endLocally("/auth/logout-all"),
    forgotPassword: (email) =>
      core.request({
        method: "POST",
        path: "/auth/password/forgot",
        body: { email },
        authenticated: false,
        schema: acceptedResponseSchema,
      }),
    async resetPassword(token, password) {
      await post("/auth/password/reset", { token, password });
    },
    async changePassword(currentPassword, newPassword) {
      await post("/auth/password/change", { currentPassword, newPassword }, true);
    },
    async unlock(token) {
      await post("/auth/unlock", { token });
    },
    async confirmEmail(token) {
      await post("/auth/confirm-email", { token });
    },
    async reauthenticate(proof) {
      await post("/auth/reauthenticate", proof, true);
    },
  };
}
