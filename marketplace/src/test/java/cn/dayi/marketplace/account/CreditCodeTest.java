package cn.dayi.marketplace.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136T", "91110000802100433B"})
    void realCodesFromCompanyRegistersPass(String code) {
        assertEquals(code, CreditCode.validate("creditCode", code));
    }

    @Test
    void lowerCaseAndSpacesAreTolerated() {
        assertEquals("91440300708461136T", CreditCode.validate("creditCode", " 91440300708461136t "));
    }

    @Test
    void everySingleCharacterTypoIsCaught() {
        String code = "91440300708461136T";
        int caught = 0;
        int typos = 0;
        for (int i = 0; i < 18; i++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (c == code.charAt(i)) {
                    continue;
                }
                typos++;
                String typo = code.substring(0, i) + c + code.substring(i + 1);
                try {
                    CreditCode.validate("creditCode", typo);
                } catch (ApiException.ValidationFailed e) {
                    caught++;
                }
            }
        }
        assertEquals(typos, caught, "a check character modulo 31 catches every single substitution");
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        ApiException.ValidationFailed check = assertThrows(ApiException.ValidationFailed.class,
                () -> CreditCode.validate("creditCode", "91440300708461136A"));
        assertEquals("CREDIT_CODE_INVALID", check.code());
        assertTrue(check.getMessage().contains("'T'"), check.getMessage());
        assertTrue(assertThrows(ApiException.ValidationFailed.class, () -> CreditCode.validate("creditCode", "9144030070846"))
                .getMessage().contains("18 characters"));
        assertTrue(assertThrows(ApiException.ValidationFailed.class, () -> CreditCode.validate("creditCode", "91440300708461136O"))
                .getMessage().contains("Character 18"));
    }
}
