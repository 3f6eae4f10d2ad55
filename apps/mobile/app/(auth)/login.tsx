import { LoginScreen } from "../../src/features/auth/login-screen";

export default LoginScreen;
