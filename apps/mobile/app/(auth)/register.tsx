import { RegisterScreen } from "../../src/features/auth/register-screen";

export default RegisterScreen;
