import { ForgotPasswordScreen } from "../../src/features/auth/forgot-password-screen";

export default ForgotPasswordScreen;
